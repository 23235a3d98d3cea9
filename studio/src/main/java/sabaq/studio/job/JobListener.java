package sabaq.studio.job;

/** Told of every change of a job (state, step, progress about once a second). Called on worker threads; must not block. */
@FunctionalInterface
public interface JobListener {
    void changed(JobRecord job);
}
