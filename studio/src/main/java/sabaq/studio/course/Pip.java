package sabaq.studio.course;

/**
 * A sign-language interpreter shown picture-in-picture over the lesson video.
 *
 * @param clip   the interpreter's video, aligned with the lesson source (its time 0 is the source's {@code offset})
 * @param corner {@code top-left}, {@code top-right}, {@code bottom-left} or {@code bottom-right}
 * @param size   the PiP width as a fraction of the video width (0.15–0.5)
 * @param offset seconds into the source where the clip starts
 */
public record Pip(MediaRef clip, String corner, double size, double offset) {
    public static final java.util.List<String> CORNERS = java.util.List.of("top-left", "top-right", "bottom-left", "bottom-right");
}
