package sabaq.studio.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import sabaq.common.time.TimeSource;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.service.RecorderConfig;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.studio.Studio;
import sabaq.studio.config.StudioConfig;
import sabaq.studio.course.Course;
import sabaq.studio.error.Messages;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.yaml.DefinitionException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code studio} command line (docs/studio.md):
 * <pre>
 * studio publish COURSE.yaml   upload the course's files, save it, publish it and show a progress bar
 * studio publish --course ID   publish a course saved from the studio page
 * studio worker                run the queued jobs and those a stopped studio left unfinished, then exit
 * studio jobs                  list the jobs with state, step and progress
 * studio cancel JOB | retry JOB
 * options: --data DIR (sabaq.studio.data-dir), --lang kk|ru|en, --no-wait
 * </pre>
 * Storage and FFmpeg come from the same configuration as {@code ./sabaq run} ({@code -Dconfig.file=...}, or
 * {@code -Dkey=value}); with the embedded default it uses the S3 server of a running {@code ./sabaq run}.
 * Exit codes: 0 done, 1 the job failed or was cancelled, 2 usage or configuration error, 3 storage unreachable.
 */
public final class StudioMain {
    private final PrintStream out;
    private final PrintStream err;
    private String lang = Messages.defaultLanguage();

    StudioMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new StudioMain(System.out, System.err).run(args));
    }

    int run(String[] argv) {
        return run(ConfigFactory.load(), argv);
    }

    /** Runs one command with this configuration (the command line's own is {@link ConfigFactory#load()}). */
    int run(Config base, String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        String data = option(args, "--data");
        String l = option(args, "--lang");
        if (l != null) lang = l;
        boolean wait = !args.remove("--no-wait");
        if (args.isEmpty()) return usage();
        StudioConfig config;
        String endpoint;
        try {
            Config c = base;
            if (data != null) c = c.withValue(StudioConfig.PATH + ".data-dir", ConfigValueFactory.fromAnyRef(data));
            config = StudioConfig.from(c);
            endpoint = endpoint(config.storage());
        } catch (ConfigException e) {
            err.println("studio: configuration error: " + e.getMessage());
            return 2;
        }
        Studio studio;
        try {
            FfmpegTools tools = FfmpegTools.locate(config.ffmpegBin(), config.ffprobeBin());
            RecorderConfig.Storage st = config.storage();
            MinioObjectStore store = new MinioObjectStore(new MinioObjectStore.S3Settings(endpoint, st.region(), config.bucket(),
                    st.accessKey(), st.secretKey(), st.timeout()));
            MinioObjectStore recordings = new MinioObjectStore(new MinioObjectStore.S3Settings(endpoint, st.region(), st.bucket(),
                    st.accessKey(), st.secretKey(), st.timeout()));
            studio = Studio.start(config, tools, store, recordings, TimeSource.SYSTEM);
        } catch (IllegalStateException | DefinitionException e) {
            err.println("studio: " + e.getMessage());
            return 2;
        } catch (StorageException e) {
            err.println("studio: object storage at " + endpoint + " is not reachable (" + e.getMessage() + "); start ./sabaq run "
                    + "or set sabaq.storage.s3.endpoint");
            return 3;
        } catch (IOException e) {
            err.println("studio: " + e.getMessage());
            return 2;
        }
        try (studio) {
            return command(studio, args, wait);
        } catch (OperationException e) {
            err.println(Messages.error(lang, e.code(), e.args()));
            return e.code() == StudioError.STORAGE_FAILED ? 3 : 1;
        } catch (DefinitionException | IllegalStateException e) {
            err.println("studio: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("studio: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int command(Studio studio, List<String> args, boolean wait) throws OperationException, IOException, InterruptedException {
        String cmd = args.get(0);
        switch (cmd) {
            case "publish": {
                JobRecord job;
                String courseId = option(args, "--course");
                if (courseId != null) {
                    job = studio.publish(courseId);
                } else {
                    if (args.size() != 2) return usage();
                    Course c = CourseFile.read(Path.of(args.get(1)), (f, kind) -> {
                        out.println("upload " + f.getFileName());
                        return studio.uploads().store(f, f.getFileName().toString(), kind).ref();
                    }, System.currentTimeMillis());
                    try {
                        studio.services().courses().save(c);
                    } catch (StorageException e) {
                        throw new OperationException(StudioError.STORAGE_FAILED, Map.of("detail", String.valueOf(e.getMessage())), e.getMessage(), e);
                    }
                    job = studio.jobs().submit(c, Studio.PUBLISH_WORKFLOW);
                }
                out.println("job " + job.id());
                return wait ? follow(studio, job.id()) : 0;
            }
            case "worker": {
                // Studio.start has queued the unfinished jobs.
                studio.jobs().awaitIdle(Duration.ofDays(365));
                return 0;
            }
            case "jobs": {
                for (JobRecord j : studio.jobs().list()) {
                    out.println(String.format(Locale.ROOT, "%-26s %-10s %3d %%  %s  %s", j.id(),
                            Messages.text(lang, "studio.state." + j.state().name().toLowerCase(Locale.ROOT), Map.of()),
                            Math.round(j.progress() * 100), j.course().id(), j.error() == null ? "" : describe(j)));
                }
                return 0;
            }
            case "cancel": {
                if (args.size() != 2) return usage();
                Optional<JobRecord> j = studio.jobs().cancel(args.get(1));
                out.println(j.map(x -> x.id() + " " + x.state()).orElse("no job " + args.get(1)));
                return j.isPresent() ? 0 : 2;
            }
            case "retry": {
                if (args.size() != 2) return usage();
                JobRecord j = studio.jobs().retry(args.get(1));
                return wait ? follow(studio, j.id()) : 0;
            }
            default:
                return usage();
        }
    }

    /** Shows the job's progress until it ends; the exit code says how. */
    private int follow(Studio studio, String jobId) throws IOException, InterruptedException {
        ProgressBar bar = new ProgressBar(err, System.console() != null, lang);
        studio.jobs().addListener(j -> {
            if (j.id().equals(jobId)) bar.show(j);
        });
        studio.jobs().awaitIdle(Duration.ofDays(365));
        bar.done();
        JobRecord j = studio.jobs().get(jobId).orElseThrow();
        if (j.state() == JobState.SUCCEEDED) {
            out.println(Messages.text(lang, "studio.cli.published", Map.of("course", j.course().id())));
            return 0;
        }
        err.println(describe(j));
        return 1;
    }

    private String describe(JobRecord j) {
        if (j.error() == null) return j.state().toString();
        StudioError code;
        try {
            code = StudioError.valueOf(j.error().code());
        } catch (IllegalArgumentException e) {
            code = StudioError.INTERNAL;
        }
        String step = Messages.text(lang, "studio.step." + j.error().stepId(), Map.of());
        return Messages.text(lang, "studio.cli.failedAt", Map.of("step", step, "lesson",
                j.error().lessonId() == null ? "-" : j.error().lessonId())) + " " + Messages.error(lang, code, j.error().args());
    }

    /** The S3 endpoint: the configured one, else the embedded server of a running ./sabaq run. */
    static String endpoint(RecorderConfig.Storage st) {
        if (!st.endpoint().isEmpty()) return st.endpoint();
        return "http://127.0.0.1:" + st.embeddedPort();
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) return null;
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    private int usage() {
        err.println("usage: studio publish COURSE.yaml | publish --course ID | worker | jobs | cancel JOB | retry JOB"
                + "  [--data DIR] [--lang kk|ru|en] [--no-wait]");
        return 2;
    }
}
