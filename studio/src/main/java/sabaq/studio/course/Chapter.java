package sabaq.studio.course;

/** A chapter mark, in seconds on the lesson source's timeline (the studio moves it through the cuts and the intro). */
public record Chapter(double start, LocalizedText title) {
}
