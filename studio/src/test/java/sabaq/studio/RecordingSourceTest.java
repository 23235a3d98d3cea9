package sabaq.studio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.MediaRef;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.media.Cancellation;
import sabaq.studio.media.FfmpegCommand;
import sabaq.studio.store.StoreFiles;
import sabaq.studio.testing.Courses;
import sabaq.studio.testing.Ffprobe;
import sabaq.studio.testing.PublishedHls;
import sabaq.studio.testing.StudioHarness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Sabaq recording as a lesson's source: the recorder's 720p and audio HLS renditions in its bucket
 * ({@code recordings/<lessonId>/<recordingId>/hls/...}, as the recorder writes them) are fetched, remuxed, cut and
 * published; a recording that is not there stops the fetch step with ASSET_MISSING.
 */
class RecordingSourceTest {
    @TempDir
    static Path dir;
    static StudioHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = StudioHarness.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void aRecordingIsPublishedAsALesson() throws Exception {
        Path hls = Files.createDirectories(dir.resolve("rec/hls"));
        FfmpegCommand c = new FfmpegCommand(RequireFfmpeg.tools(), "test recording");
        c.input("testsrc2=size=320x180:rate=25:duration=12", List.of("-f", "lavfi"));
        c.input("sine=frequency=440:sample_rate=48000:duration=12", List.of("-f", "lavfi"));
        c.output(hls.resolve("%v/index.m3u8").toString(), List.of("-map", "0:v", "-map", "1:a", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50", "-c:a", "aac", "-f", "hls", "-hls_time", "4",
                "-hls_playlist_type", "vod", "-hls_segment_filename", hls.resolve("%v/seg_%03d.ts").toString(),
                "-var_stream_map", "v:0,name:720p a:0,name:audio"));
        c.run(0, f -> { }, Cancellation.NEVER);
        try (Stream<Path> files = Files.walk(hls)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                h.recordings.putVerified("recordings/les1/rec1/hls/" + hls.relativize(f), f, StoreFiles.contentType(f.toString()));
            }
        }
        Lesson l = Courses.lesson("l1", new MediaRef(MediaRef.RECORDING, "les1/rec1", "Физика 7А"),
                new Cuts(1, 11.0, List.of()), null, null, null, Map.of(), null, List.of());
        JobRecord job = h.publishAndWait(Courses.course("from-recording", l), Duration.ofMinutes(2));
        assertEquals(JobState.SUCCEEDED, job.state(), () -> String.valueOf(job.error()));
        PublishedHls.Tree tree = PublishedHls.download(h.store, "published/from-recording/" + job.id() + "/lessons/l1/hls/",
                dir.resolve("out"));
        assertEquals(10.0, Ffprobe.duration(tree.master().resolveSibling("720p/index.m3u8")), 0.5);

        Lesson gone = Courses.lesson("l1", new MediaRef(MediaRef.RECORDING, "les1/none", "gone"));
        JobRecord failed = h.publishAndWait(Courses.course("no-recording", gone), Duration.ofMinutes(1));
        assertEquals(JobState.FAILED, failed.state());
        assertEquals("fetch", failed.error().stepId());
        assertEquals("ASSET_MISSING", failed.error().code());
    }
}
