package sabaq.studio.media;

/** Asked often by long work (FFmpeg runs, uploads) whether to stop. */
@FunctionalInterface
public interface Cancellation {
    Cancellation NEVER = () -> false;

    boolean cancelled();
}
