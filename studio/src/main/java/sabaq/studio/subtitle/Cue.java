package sabaq.studio.subtitle;

/**
 * One subtitle cue.
 *
 * @param number 1-based position in its file
 * @param line   1-based line of its timing line in the file (0 for cues the studio made)
 */
public record Cue(int number, int line, long startMillis, long endMillis, String text) {
}
