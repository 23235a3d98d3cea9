package sabaq.launcher.recording;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.json.JsonObject;
import sabaq.common.recording.RecordingStatus;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.launcher.E2eStore;
import sabaq.launcher.SabaqMain.SabaqStack;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.service.RecorderConfig;
import sabaq.recorder.storage.MinioObjectStore;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Sabaq stack with the recorder, the embedded S3 server and scratch directories under one temporary directory,
 * plus helpers to create lessons, read the bucket and wait for a recording to be ready.
 */
public final class RecordingFixture implements AutoCloseable {
    public final Path dir;
    public final SabaqStack stack;
    public final String base;
    public final MinioObjectStore store;
    public final FfmpegTools tools;

    public RecordingFixture(Path dir, String extraConfig) throws Exception {
        this.dir = dir;
        try {
            tools = FfmpegTools.locate("", "");
        } catch (IllegalStateException e) {
            throw new AssertionError("recording tests need ffmpeg and ffprobe: " + e.getMessage()
                    + " (./sabaq test installs them)", e);
        }
        String conf = "sabaq.signalling.port = 0\nsabaq.media.port = 0\nsabaq.signalling.tls.enabled = false\n"
                + E2eStore.config()
                + "sabaq.storage.s3.embedded-dir = \"" + dir.resolve("s3") + "\"\n"
                + "sabaq.recorder.spool-dir = \"" + dir.resolve("spool") + "\"\n"
                + "sabaq.recorder.work-dir = \"" + dir.resolve("work") + "\"\n"
                + "sabaq.recorder.ladder.x264-preset = \"ultrafast\"\n" + extraConfig;
        stack = SabaqStack.start(ConfigFactory.parseString(conf), TimeSource.SYSTEM);
        base = "http://127.0.0.1:" + stack.httpPort() + "/";
        RecorderConfig.Storage st = stack.recorder().config().storage();
        store = new MinioObjectStore(new MinioObjectStore.S3Settings(stack.recorder().endpoint(), st.region(),
                st.bucket(), st.accessKey(), st.secretKey(), Duration.ofSeconds(10)));
    }

    public JsonObject createLesson(String title, String teacher) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/lessons"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("title", title).put("teacherName", teacher).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    public String lessonUrl(String token, String name, String extraQuery) {
        StringBuilder sb = new StringBuilder(base).append("lesson.html?lang=kk");
        if (name != null) sb.append("&name=").append(URLEncoder.encode(name, StandardCharsets.UTF_8));
        if (extraQuery != null) sb.append('&').append(extraQuery);
        return sb.append("#token=").append(token).toString();
    }

    /** Waits until the lesson's last recording is READY (or fails on EMPTY/FAILED) and returns it. */
    public RecordingSummary awaitReady(String lessonId, Duration timeout) {
        RecordingSummary s = Poll.until(timeout, Duration.ofMillis(500), () -> {
            List<RecordingSummary> all = stack.recorder().service().recordings(lessonId);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }, r -> r != null && r.status() != RecordingStatus.RECORDING && r.status() != RecordingStatus.PROCESSING,
                "the recording of lesson " + lessonId + " to be processed");
        assertEquals(RecordingStatus.READY, s.status(), "recording status: " + s);
        return s;
    }

    /** Keys under a prefix; storage failures become assertion errors (for polling lambdas). */
    public List<String> keys(String prefix) {
        try {
            return store.list(prefix);
        } catch (Exception e) {
            throw new AssertionError("cannot list " + prefix + ": " + e.getMessage(), e);
        }
    }

    public String read(String key) throws Exception {
        try (InputStream in = store.open(key).orElseThrow(() -> new AssertionError("no object " + key)).body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Copies every object under {@code prefix} into {@code target}, keeping the relative paths. */
    public void download(String prefix, Path target) throws Exception {
        for (String key : store.list(prefix)) {
            Path f = target.resolve(key.substring(prefix.length()));
            Files.createDirectories(f.getParent());
            try (InputStream in = store.open(key).orElseThrow().body()) {
                Files.copy(in, f);
            }
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
