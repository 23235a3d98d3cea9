package sabaq.studio.job;

/** Where a step is. A DONE step is not run again while its artifacts exist (resume after a restart). */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED
}
