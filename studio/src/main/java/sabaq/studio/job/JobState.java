package sabaq.studio.job;

/** Where a job is: waiting for a worker, running, or finished one of three ways. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
