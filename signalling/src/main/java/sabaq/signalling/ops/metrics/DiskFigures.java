package sabaq.signalling.ops.metrics;

/** Space of the file system holding a watched path, in bytes ({@code free} is what this process may use). */
public record DiskFigures(String path, long free, long total) {

    /** free / total, NaN when the total is unknown. */
    public double freeRatio() {
        return total > 0 ? (double) free / total : Double.NaN;
    }
}
