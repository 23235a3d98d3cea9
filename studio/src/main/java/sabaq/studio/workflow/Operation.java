package sabaq.studio.workflow;

import sabaq.studio.error.OperationException;

/**
 * A small stateless studio operation (inspect, trim, overlay, concat, loudness, subtitles, HLS, publish...). It reads
 * the artifacts of earlier steps and its configuration from the {@link StepContext}, writes its outputs only into
 * {@link StepContext#outputDir()} and registers them with {@link StepContext#output}. The runner moves the directory
 * into place when the step succeeds, so a step interrupted half-way leaves nothing behind and simply runs again: every
 * operation is idempotent.
 */
public interface Operation {
    /** The name workflows use ({@code operation: trim}). */
    String name();

    /**
     * Runs the step.
     *
     * @throws OperationException when the input is refused or processing fails: the job stops at this step with the
     *                            code and arguments of the exception, and keeps its inputs for a retry
     */
    void run(StepContext ctx) throws OperationException;
}
