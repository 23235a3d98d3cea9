package sabaq.studio.course;

/** A span of a source, in seconds from its start. */
public record TimeRange(double start, double end) {
    public double length() {
        return end - start;
    }
}
