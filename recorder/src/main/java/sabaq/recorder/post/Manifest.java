package sabaq.recorder.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;
import sabaq.recorder.storage.StoredObject;

import java.util.List;
import java.util.Map;

/**
 * The recording's manifest ({@code manifest.json} beside its files): lesson, recording id, title, teacher,
 * start and end, status, duration, participants, tracks with every segment (key, wall-clock start, duration, length,
 * SHA-256), HLS renditions, poster, original, and the length and SHA-256 of every published file.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    /**
     * Written when post-processing starts (status {@code processing}, every segment listed): a recorder started
     * after a crash finds it without {@link #FILE} and runs the post-processing again from the stored segments.
     */
    public static final String PENDING_FILE = "processing.json";
    static final ObjectMapper JSON = new ObjectMapper();

    private Manifest() {
    }

    public static ObjectNode build(RecordingMeta meta, LessonRecording.Snapshot snap, String status, String error,
                                   double durationSeconds, Map<String, List<SegmentRecord>> segmentsByTrack,
                                   List<StoredObject> files) {
        ObjectNode m = JSON.createObjectNode();
        m.put("version", 1);
        m.put("lessonId", meta.lessonId());
        m.put("recordingId", meta.recordingId());
        m.put("title", meta.title());
        m.put("teacherName", meta.teacherName());
        m.put("status", status);
        if (error != null) m.put("error", error);
        m.put("startedAt", snap.startedAtMillis());
        m.put("endedAt", snap.endedAtMillis());
        m.put("durationSeconds", Math.round(durationSeconds * 1000) / 1000.0);
        ArrayNode people = m.putArray("participants");
        for (LessonRecording.ParticipantInfo p : snap.participants()) {
            people.addObject().put("id", p.id()).put("name", p.name()).put("role", p.role())
                    .put("firstSeen", p.firstSeenMillis()).put("lastSeen", p.lastSeenMillis());
        }
        ArrayNode tracks = m.putArray("tracks");
        for (TrackInfo t : snap.tracks()) {
            ObjectNode tn = tracks.addObject().put("trackId", t.trackId()).put("participantId", t.participantId())
                    .put("name", t.participantName()).put("role", t.role()).put("kind", t.kind().sdpName())
                    .put("source", t.source());
            ArrayNode segs = tn.putArray("segments");
            for (SegmentRecord s : segmentsByTrack.getOrDefault(t.trackId(), List.of())) {
                segs.addObject().put("key", s.key()).put("run", s.run()).put("start", s.startMillis())
                        .put("durationMillis", s.durationMillis()).put("width", s.width()).put("height", s.height())
                        .put("length", s.length()).put("sha256", s.sha256());
            }
        }
        ArrayNode renditions = m.putArray("renditions");
        if ("ready".equals(status)) {
            renditions.addObject().put("name", "720p").put("playlist", "hls/720p/index.m3u8").put("width", 1280)
                    .put("height", 720);
            renditions.addObject().put("name", "360p").put("playlist", "hls/360p/index.m3u8").put("width", 640)
                    .put("height", 360);
            renditions.addObject().put("name", "audio").put("playlist", "hls/audio/index.m3u8");
            m.put("master", "hls/master.m3u8");
            m.put("poster", "poster.jpg");
            m.put("original", "original.mkv");
        }
        ArrayNode fileList = m.putArray("files");
        for (StoredObject f : files) {
            fileList.addObject().put("key", f.key()).put("length", f.length()).put("sha256", f.sha256());
        }
        return m;
    }
}
