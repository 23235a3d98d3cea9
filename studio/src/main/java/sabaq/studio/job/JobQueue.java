package sabaq.studio.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.studio.StudioServices;
import sabaq.studio.course.Course;
import sabaq.studio.course.CourseValidator;
import sabaq.studio.course.Lesson;
import sabaq.studio.error.OperationException;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepDefinition;
import sabaq.studio.workflow.WorkflowDefinition;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The studio's job queue: jobs are planned from a workflow (its steps for each lesson whose condition holds, then its
 * course steps), written to the {@link JobJournal} and run on a pool of {@code sabaq.studio.workers} threads, never
 * on an event loop. A job's state, step, progress and ETA are in the journal, so the web page and the command line
 * see jobs of every studio process. A job that was running when its process died is resumed by {@link #resume()} in
 * the next one. Jobs are independent: one failing or cancelled job does not stop the others.
 */
public final class JobQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final StudioServices services;
    private final Map<String, Operation> operations;
    private final JobJournal journal;
    private final ExecutorService workers;
    private final Map<String, JobRun> running = new ConcurrentHashMap<>();
    private final Map<String, WorkflowDefinition> workflows = new ConcurrentHashMap<>();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Object idle = new Object();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closing;

    public JobQueue(StudioServices services, Map<String, Operation> operations) throws IOException {
        this.services = services;
        this.operations = Map.copyOf(operations);
        this.journal = new JobJournal(services.config().jobsDir());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(services.config().workers(), r -> {
            Thread t = new Thread(r, "studio-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads (once) and checks a workflow definition; a broken definition fails here, not in a job. */
    public WorkflowDefinition workflow(String id) {
        return workflows.computeIfAbsent(id, w -> WorkflowDefinition.load(w, operations.keySet()));
    }

    public JobJournal journal() {
        return journal;
    }

    public void addListener(JobListener l) {
        listeners.add(l);
    }

    /**
     * Plans and queues a job for a course.
     *
     * @throws OperationException COURSE_INVALID when the course cannot be published
     */
    public JobRecord submit(Course course, String workflowId) throws OperationException, IOException {
        CourseValidator.validateForPublishing(course);
        WorkflowDefinition wf = workflow(workflowId);
        List<StepRecord> steps = new ArrayList<>();
        for (Lesson l : course.lessons()) {
            for (StepDefinition s : wf.lessonSteps()) {
                if (holds(s.condition(), l)) steps.add(StepRecord.pending(l.id(), s.id(), s.operation(), s.weight()));
            }
        }
        for (StepDefinition s : wf.courseSteps()) steps.add(StepRecord.pending(null, s.id(), s.operation(), s.weight()));
        long now = services.time().epochMillis();
        JobRecord job = new JobRecord(newId(now), workflowId, course, JobState.QUEUED, 1, now, 0, 0, steps, 0, null, null);
        journal.save(job);
        LOG.info("job {}: queued {} of course {} ({} steps)", job.id(), workflowId, course.id(), steps.size());
        notifyListeners(job);
        schedule(job.id());
        return job;
    }

    /** Every job in the journal, newest first, with live progress for the jobs running in this process. */
    public List<JobRecord> list() throws IOException {
        List<JobRecord> out = new ArrayList<>();
        for (JobRecord j : journal.list()) {
            JobRun r = running.get(j.id());
            out.add(r != null ? r.snapshot() : j);
        }
        return out;
    }

    public Optional<JobRecord> get(String id) throws IOException {
        JobRun r = running.get(id);
        if (r != null) return Optional.of(r.snapshot());
        return journal.load(id);
    }

    /**
     * Cancels a job: a queued job at once; a running one stops its FFmpeg and ends CANCELLED (in this or another
     * studio process). Finished jobs are left as they are.
     */
    public Optional<JobRecord> cancel(String id) throws IOException {
        Optional<JobRecord> job = journal.load(id);
        if (job.isEmpty() || job.get().state().finished()) return job;
        JobRun r = running.get(id);
        if (r != null) {
            r.cancel();
            return Optional.of(r.snapshot());
        }
        Optional<JobJournal.Lock> lock = journal.tryLock(id);
        if (lock.isEmpty()) {
            journal.requestCancel(id);
            return job;
        }
        try (JobJournal.Lock l = lock.get()) {
            JobRecord fresh = journal.load(id).orElseThrow();
            if (fresh.state().finished()) return Optional.of(fresh);
            JobRecord c = fresh.withState(JobState.CANCELLED, fresh.startedAt(), services.time().epochMillis())
                    .withProgress(fresh.progress(), null);
            journal.save(c);
            notifyListeners(c);
            return Optional.of(c);
        }
    }

    /**
     * Runs a failed or cancelled job again from the step that stopped it (finished steps are kept).
     *
     * @throws IllegalStateException when the job is not failed or cancelled
     */
    public JobRecord retry(String id) throws IOException {
        JobRecord job = journal.load(id).orElseThrow(() -> new IllegalStateException("no job " + id));
        if (job.state() != JobState.FAILED && job.state() != JobState.CANCELLED) {
            throw new IllegalStateException("job " + id + " is " + job.state() + ", not failed or cancelled");
        }
        List<StepRecord> steps = new ArrayList<>();
        for (StepRecord s : job.steps()) steps.add(s.state() == StepState.DONE ? s : s.reset());
        JobRecord again = job.withSteps(steps).withError(null).withAttempt(job.attempt() + 1)
                .withState(JobState.QUEUED, job.startedAt(), 0).withProgress(job.progress(), null);
        journal.clearCancel(id);
        journal.save(again);
        LOG.info("job {}: retry (attempt {})", id, again.attempt());
        notifyListeners(again);
        schedule(id);
        return again;
    }

    /** Queues every journal job that is queued or was running when its process died. Returns how many. */
    public int resume() throws IOException {
        int n = 0;
        for (JobRecord j : journal.list()) {
            if (j.state() == JobState.QUEUED || j.state() == JobState.RUNNING) {
                if (running.containsKey(j.id()) || journal.isLocked(j.id())) continue;
                LOG.info("job {}: resuming ({}, {} % done)", j.id(), j.state(), Math.round(j.progress() * 100));
                schedule(j.id());
                n++;
            }
        }
        return n;
    }

    /** Waits until no job of this queue is queued or running; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (outstanding.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    private void schedule(String id) {
        outstanding.incrementAndGet();
        workers.execute(() -> {
            try {
                runJob(id);
            } catch (Throwable t) {
                LOG.error("job {}: runner failed", id, t);
            } finally {
                synchronized (idle) {
                    outstanding.decrementAndGet();
                    idle.notifyAll();
                }
            }
        });
    }

    private void runJob(String id) throws IOException {
        Optional<JobJournal.Lock> lock = journal.tryLock(id);
        if (lock.isEmpty()) {
            LOG.info("job {}: running in another studio process", id);
            return;
        }
        try (JobJournal.Lock l = lock.get()) {
            Optional<JobRecord> job = journal.load(id);
            if (job.isEmpty() || job.get().state().finished()) return;
            Path work = services.config().workDir().resolve(id);
            OrphanProcesses.stopUsing(work);
            JobRun run = new JobRun(job.get(), services, journal, operations, workflow(job.get().workflow()), work,
                    this::notifyListeners, () -> closing);
            running.put(id, run);
            try {
                JobRecord done = run.run();
                LOG.info("job {}: {}", id, done.state());
            } finally {
                running.remove(id);
            }
        }
    }

    private void notifyListeners(JobRecord job) {
        for (JobListener l : listeners) {
            try {
                l.changed(job);
            } catch (RuntimeException e) {
                LOG.warn("job listener failed: {}", e.toString());
            }
        }
    }

    private static boolean holds(String condition, Lesson l) {
        if (condition == null) return true;
        switch (condition) {
            case "intro":
                return l.intro() != null;
            case "outro":
                return l.outro() != null;
            case "pip":
                return l.pip() != null;
            case "subtitles":
                return !l.subtitles().isEmpty();
            case "audio-description":
                return l.audioDescription() != null;
            case "chapters":
                return !l.chapters().isEmpty();
            case "cuts":
                return !l.cuts().isEmpty();
            default:
                throw new IllegalArgumentException("unknown condition " + condition);
        }
    }

    private String newId(long now) {
        byte[] b = new byte[4];
        random.nextBytes(b);
        StringBuilder hex = new StringBuilder();
        for (byte x : b) hex.append(String.format("%02x", x));
        return ID_TIME.format(Instant.ofEpochMilli(now)) + "-" + hex;
    }

    /** Stops taking jobs and interrupts running ones (their FFmpeg is stopped; they resume in the next process). */
    @Override
    public void close() {
        closing = true;
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
