package sabaq.recorder.testing;

import sabaq.recorder.ffmpeg.SegmentList;
import sabaq.recorder.ffmpeg.SegmentRun;
import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;
import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StoredObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes frames through a real FFmpeg segment run and stores the segments as the recorder would. */
public final class StoredSegments {
    private StoredSegments() {
    }

    /**
     * @param keyPrefix {@code recordings/{lessonId}/{recordingId}}
     * @return the stored segments, as the recording's snapshot lists them
     */
    public static List<SegmentRecord> record(ObjectStore store, Path dir, String keyPrefix, TrackInfo t,
                                             List<MediaFrame> frames, long startMillis, int width, int height)
            throws Exception {
        SegmentRun run = new SegmentRun(RequireFfmpeg.tools(), dir.resolve("runs").resolve(keyPrefix)
                .resolve(t.keyName()), "r001", t.kind(), Duration.ofSeconds(4), 64 << 20);
        run.start();
        for (MediaFrame f : frames) assertTrue(run.write(f));
        run.finish().get(30, TimeUnit.SECONDS);
        List<SegmentRecord> out = new ArrayList<>();
        List<SegmentList.Entry> entries = run.finishedSegments();
        for (int i = 0; i < entries.size(); i++) {
            SegmentList.Entry e = entries.get(i);
            String key = keyPrefix + "/tracks/" + t.keyName() + "/" + e.fileName();
            StoredObject o = store.putVerified(key, run.dir().resolve(e.fileName()), "video/webm");
            out.add(new SegmentRecord(t.trackId(), key, "r001", i, startMillis + Math.round(e.startSeconds() * 1000),
                    Math.round(e.durationSeconds() * 1000), width, height, o.length(), o.sha256()));
        }
        return out;
    }
}
