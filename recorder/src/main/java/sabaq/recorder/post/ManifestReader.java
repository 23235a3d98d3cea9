package sabaq.recorder.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import sabaq.common.media.TrackKind;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a manifest written by {@link Manifest#build} back into a {@link StoredRecording}, checking every field the
 * recorder relies on (types, the lesson and recording ids of the object's key, known status, track kinds, segment
 * keys inside the recording). A bad manifest is an {@link IllegalArgumentException} whose message names the field;
 * nothing else is thrown.
 */
public final class ManifestReader {
    private static final Set<String> STATUSES = Set.of("ready", "empty", "failed", "processing");

    private ManifestReader() {
    }

    /**
     * Parses one manifest stored under {@code recordings/{lessonId}/{recordingId}/}.
     *
     * @throws IllegalArgumentException when the JSON is malformed, a required field is missing or has the wrong type,
     *                                  or the ids do not match the key
     */
    public static StoredRecording parse(byte[] json, String lessonId, String recordingId) {
        JsonNode m;
        try {
            m = Manifest.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage());
        }
        if (m == null || !m.isObject()) throw new IllegalArgumentException("not a JSON object");
        if (integer(m, "version") != 1) throw new IllegalArgumentException("unknown version " + m.get("version"));
        if (!lessonId.equals(text(m, "lessonId"))) {
            throw new IllegalArgumentException("lessonId does not match its key");
        }
        if (!recordingId.equals(text(m, "recordingId"))) {
            throw new IllegalArgumentException("recordingId does not match its key");
        }
        String status = text(m, "status");
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("unknown status " + status);
        String prefix = "recordings/" + lessonId + "/" + recordingId;
        RecordingMeta meta = new RecordingMeta(lessonId, recordingId, text(m, "title"), text(m, "teacherName"), prefix);
        long started = integer(m, "startedAt");
        long ended = integer(m, "endedAt");
        double duration = number(m, "durationSeconds");
        String error = m.hasNonNull("error") ? text(m, "error") : null;
        if ("failed".equals(status) && error == null) error = "post-processing failed";

        List<LessonRecording.ParticipantInfo> people = new ArrayList<>();
        for (JsonNode p : array(m, "participants")) {
            people.add(new LessonRecording.ParticipantInfo(text(p, "id"), text(p, "name"), text(p, "role"),
                    integer(p, "firstSeen"), integer(p, "lastSeen")));
        }
        List<TrackInfo> tracks = new ArrayList<>();
        List<SegmentRecord> segments = new ArrayList<>();
        for (JsonNode t : array(m, "tracks")) {
            TrackInfo info = new TrackInfo(text(t, "trackId"), text(t, "participantId"), optional(t, "name"),
                    optional(t, "role"), kind(text(t, "kind")), text(t, "source"));
            tracks.add(info);
            int index = 0;
            for (JsonNode s : array(t, "segments")) {
                String key = text(s, "key");
                if (!key.startsWith(prefix + "/tracks/") || key.contains("..")) {
                    throw new IllegalArgumentException("segment key outside the recording: " + key);
                }
                segments.add(new SegmentRecord(info.trackId(), key, text(s, "run"), index++, integer(s, "start"),
                        integer(s, "durationMillis"), (int) integer(s, "width"), (int) integer(s, "height"),
                        integer(s, "length"), optionalOrNull(s, "sha256")));
            }
        }
        List<String> renditions = new ArrayList<>();
        if ("ready".equals(status)) {
            for (JsonNode r : array(m, "renditions")) renditions.add(text(r, "name"));
            if (renditions.isEmpty()) throw new IllegalArgumentException("a ready recording without renditions");
            text(m, "master");
        }
        LessonRecording.Snapshot snap = new LessonRecording.Snapshot(tracks, people, segments, started, ended,
                List.of());
        return new StoredRecording(meta, status, error, started, ended, duration, renditions, snap);
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) throw new IllegalArgumentException("missing field " + name);
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) throw new IllegalArgumentException("field " + name + " is not a string");
        return v.asText();
    }

    private static String optional(JsonNode n, String name) {
        String v = optionalOrNull(n, name);
        return v == null ? "" : v;
    }

    private static String optionalOrNull(JsonNode n, String name) {
        return n.hasNonNull(name) ? text(n, name) : null;
    }

    private static long integer(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("field " + name + " is not an integer");
        }
        return v.asLong();
    }

    private static double number(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw new IllegalArgumentException("field " + name + " is not a non-negative number");
        }
        return v.asDouble();
    }

    private static JsonNode array(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isArray()) throw new IllegalArgumentException("field " + name + " is not an array");
        for (JsonNode e : v) {
            if (!e.isObject()) throw new IllegalArgumentException("an entry of " + name + " is not an object");
        }
        return v;
    }

    private static TrackKind kind(String sdpName) {
        for (TrackKind k : TrackKind.values()) {
            if (k.sdpName().equals(sdpName)) return k;
        }
        throw new IllegalArgumentException("unknown track kind " + sdpName);
    }
}
