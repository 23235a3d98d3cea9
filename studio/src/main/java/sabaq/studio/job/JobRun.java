package sabaq.studio.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.studio.Json;
import sabaq.studio.StudioServices;
import sabaq.studio.course.Course;
import sabaq.studio.course.Lesson;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.media.Cancellation;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;
import sabaq.studio.workflow.WorkflowDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one job in this process, step by step, from where its journal says it is: finished steps whose outputs are
 * still on disk are skipped, the rest run again from scratch (a step writes into a fresh temporary directory that is
 * renamed into place only when it succeeds). The journal is written after every step and about once a second for
 * progress. A failing step stops the job with its error; its inputs and earlier outputs stay for a retry.
 */
final class JobRun {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);
    private static final long SAVE_INTERVAL_NANOS = 1_000_000_000L;

    private final StudioServices services;
    private final JobJournal journal;
    private final Map<String, Operation> operations;
    private final WorkflowDefinition workflow;
    private final Path work;
    private final JobListener listener;
    private final java.util.function.BooleanSupplier stopping;
    private final Map<String, Double> mediaSeconds = new HashMap<>();
    private volatile boolean cancelled;
    private JobRecord job;
    private double runningFraction;
    private double runStartProgress;
    private long runStartNanos;
    private long lastSaveNanos;

    JobRun(JobRecord job, StudioServices services, JobJournal journal, Map<String, Operation> operations,
           WorkflowDefinition workflow, Path work, JobListener listener, java.util.function.BooleanSupplier stopping) {
        this.job = job;
        this.stopping = stopping;
        this.workflow = workflow;
        this.services = services;
        this.journal = journal;
        this.operations = operations;
        this.work = work;
        this.listener = listener;
    }

    synchronized JobRecord snapshot() {
        return job;
    }

    void cancel() {
        cancelled = true;
    }

    private boolean isCancelled() {
        return cancelled || journal.cancelRequested(job.id());
    }

    /** Runs to the end (success, failure or cancellation) and returns the final record. */
    JobRecord run() throws IOException {
        long now = services.time().epochMillis();
        synchronized (this) {
            job = job.withState(JobState.RUNNING, job.startedAt() == 0 ? now : job.startedAt(), 0).withError(null);
            job = job.withSteps(resetStale(job.steps()));
            runStartProgress = job.progress();
        }
        runStartNanos = services.time().nanoTime();
        for (Lesson l : job.course().lessons()) mediaSeconds.put(l.id(), ProgressEstimate.GUESSED_MEDIA_SECONDS);
        for (StepRecord s : job.steps()) if (s.state() == StepState.DONE) learnDurations(s);
        persist(true);
        for (int i = 0; i < job.steps().size(); i++) {
            StepRecord step = job.steps().get(i);
            if (step.state() == StepState.DONE) continue;
            if (isCancelled()) return finish(JobState.CANCELLED, error(step, StudioError.CANCELLED, Map.of(), "cancelled"));
            try {
                runStep(i, step);
            } catch (OperationException e) {
                if (e.code() == StudioError.CANCELLED && stopping.getAsBoolean()) {
                    // The studio is shutting down: the job stays RUNNING in the journal and resumes next time.
                    setStep(i, step.reset());
                    persist(true);
                    LOG.info("job {}: interrupted by shutdown at {}; it resumes at the next start", job.id(), step.stepId());
                    return snapshot();
                }
                if (e.code() == StudioError.CANCELLED) {
                    setStep(i, step.reset());
                    return finish(JobState.CANCELLED, error(step, StudioError.CANCELLED, Map.of(), e.getMessage()));
                }
                LOG.warn("job {}: step {} of lesson {} failed: {}", job.id(), step.stepId(), step.lessonId(), e.getMessage());
                setStep(i, step.with(StepState.FAILED, Map.of(), step.startedAt(), services.time().epochMillis()));
                return finish(JobState.FAILED, error(step, e.code(), e.args(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("job {}: step {} of lesson {} crashed", job.id(), step.stepId(), step.lessonId(), e);
                setStep(i, step.with(StepState.FAILED, Map.of(), step.startedAt(), services.time().epochMillis()));
                return finish(JobState.FAILED, error(step, StudioError.INTERNAL, Map.of("detail", String.valueOf(e)), String.valueOf(e)));
            }
        }
        return finish(JobState.SUCCEEDED, null);
    }

    private void runStep(int index, StepRecord step) throws OperationException, IOException {
        Operation op = operations.get(step.operation());
        Path finalDir = stepDir(step);
        Path tmp = finalDir.resolveSibling("." + finalDir.getFileName() + ".tmp");
        deleteTree(tmp);
        deleteTree(finalDir);
        Files.createDirectories(tmp);
        long started = services.time().epochMillis();
        synchronized (this) {
            runningFraction = 0;
        }
        setStep(index, step.with(StepState.RUNNING, Map.of(), started, 0));
        Ctx ctx = new Ctx(index, step, tmp);
        op.run(ctx);
        if (isCancelled()) throw new OperationException(StudioError.CANCELLED, Map.of(), "cancelled after " + step.stepId());
        Files.move(tmp, finalDir, StandardCopyOption.ATOMIC_MOVE);
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : ctx.outputs.entrySet()) {
            Path rel = tmp.relativize(e.getValue());
            artifacts.put(e.getKey(), work.relativize(finalDir.resolve(rel)).toString());
        }
        StepRecord done = step.with(StepState.DONE, artifacts, started, services.time().epochMillis());
        synchronized (this) {
            runningFraction = 0;
        }
        setStep(index, done);
        learnDurations(done);
        persist(true);
        LOG.info("job {}: {} {} done in {} ms", job.id(), step.lessonId() == null ? "course" : "lesson " + step.lessonId(),
                step.stepId(), done.finishedAt() - started);
    }

    private Path stepDir(StepRecord s) {
        return work.resolve(s.lessonId() == null ? "_course" : s.lessonId()).resolve(s.stepId());
    }

    /**
     * Steps left RUNNING by a dead process, and DONE steps whose outputs are gone, run again, with every later step of
     * the same lesson and the course steps (they read those outputs).
     */
    private List<StepRecord> resetStale(List<StepRecord> steps) {
        List<StepRecord> out = new ArrayList<>(steps);
        Set<String> brokenLessons = new HashSet<>();
        boolean courseBroken = false;
        for (int i = 0; i < out.size(); i++) {
            StepRecord s = out.get(i);
            boolean ownerBroken = s.lessonId() == null ? courseBroken : brokenLessons.contains(s.lessonId());
            boolean intact = s.artifacts().values().stream().allMatch(p -> Files.exists(work.resolve(p)));
            if (s.state() == StepState.DONE && intact && !ownerBroken) continue;
            if (s.state() == StepState.DONE) {
                if (s.lessonId() != null) brokenLessons.add(s.lessonId());
                courseBroken = true;
            }
            out.set(i, s.reset());
        }
        return out;
    }

    private void learnDurations(StepRecord s) {
        if (s.lessonId() == null) return;
        String plan = s.artifacts().get("plan");
        try {
            if (plan != null) {
                mediaSeconds.put(s.lessonId(), Json.read(work.resolve(plan), EditPlan.class).durationSeconds());
            }
        } catch (IOException e) {
            LOG.debug("job {}: cannot read {}: {}", job.id(), plan, e.toString());
        }
    }

    private synchronized void setStep(int index, StepRecord s) {
        List<StepRecord> steps = new ArrayList<>(job.steps());
        steps.set(index, s);
        job = job.withSteps(steps);
    }

    private void progress(double fraction) {
        synchronized (this) {
            runningFraction = Math.max(runningFraction, Math.min(1, fraction));
        }
        persist(false);
    }

    private void persist(boolean force) {
        JobRecord copy;
        synchronized (this) {
            long nanos = services.time().nanoTime();
            if (!force && nanos - lastSaveNanos < SAVE_INTERVAL_NANOS) return;
            lastSaveNanos = nanos;
            ProgressEstimate.Value v = ProgressEstimate.of(job.steps(), mediaSeconds, runningFraction, runStartProgress,
                    (nanos - runStartNanos) / 1e9);
            double p = Math.max(job.progress(), v.progress());
            job = job.withProgress(p, job.state() == JobState.RUNNING ? v.etaSeconds() : null);
            copy = job;
        }
        try {
            journal.save(copy);
        } catch (IOException e) {
            LOG.warn("job {}: journal write failed: {}", copy.id(), e.toString());
        }
        listener.changed(copy);
    }

    private JobRecord finish(JobState state, JobError err) throws IOException {
        synchronized (this) {
            job = job.withState(state, job.startedAt(), services.time().epochMillis()).withError(err);
            job = job.withProgress(state == JobState.SUCCEEDED ? 1 : job.progress(), null);
        }
        journal.save(job);
        journal.clearCancel(job.id());
        listener.changed(job);
        if (state == JobState.SUCCEEDED) deleteTree(work);
        return job;
    }

    private JobError error(StepRecord s, StudioError code, Map<String, String> args, String detail) {
        return new JobError(s.stepId(), s.lessonId(), code.name(), args, detail);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            List<Path> all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path x : all) Files.deleteIfExists(x);
        }
    }

    /** The context one step sees. */
    private final class Ctx implements StepContext {
        private final int index;
        private final StepRecord step;
        private final Path out;
        private final Map<String, Path> outputs = new LinkedHashMap<>();
        private final Lesson lesson;

        Ctx(int index, StepRecord step, Path out) {
            this.index = index;
            this.step = step;
            this.out = out;
            Lesson found = null;
            for (Lesson l : job.course().lessons()) if (l.id().equals(step.lessonId())) found = l;
            this.lesson = found;
        }

        @Override
        public String jobId() {
            return job.id();
        }

        @Override
        public String stepId() {
            return step.stepId();
        }

        @Override
        public Course course() {
            return job.course();
        }

        @Override
        public Lesson lesson() {
            return lesson;
        }

        @Override
        public Map<String, String> with() {
            return workflow.step(step.stepId()).with();
        }

        @Override
        public Path outputDir() {
            return out;
        }

        @Override
        public void output(String name, Path file) {
            if (!file.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(name + " is outside the step's directory: " + file);
            }
            outputs.put(name, file);
        }

        @Override
        public Optional<Path> artifact(String name) {
            return find(step.lessonId(), name, index);
        }

        @Override
        public Optional<Path> lessonArtifact(String lessonId, String name) {
            return find(lessonId, name, job.steps().size());
        }

        private Optional<Path> find(String lessonId, String name, int before) {
            List<StepRecord> steps = snapshot().steps();
            for (int i = Math.min(before, steps.size()) - 1; i >= 0; i--) {
                StepRecord s = steps.get(i);
                boolean sameOwner = lessonId == null ? s.lessonId() == null : lessonId.equals(s.lessonId());
                if (sameOwner && s.state() == StepState.DONE && s.artifacts().containsKey(name)) {
                    return Optional.of(work.resolve(s.artifacts().get(name)));
                }
            }
            return Optional.empty();
        }

        @Override
        public void progress(double fraction) {
            JobRun.this.progress(fraction);
        }

        @Override
        public Cancellation cancellation() {
            return JobRun.this::isCancelled;
        }

        @Override
        public sabaq.studio.StudioServices services() {
            return services;
        }
    }
}
