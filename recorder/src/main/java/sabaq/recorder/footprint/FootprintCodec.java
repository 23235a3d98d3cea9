package sabaq.recorder.footprint;

import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.QualitySample;
import sabaq.common.footprint.WatchedRange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The journal's binary form of one {@link FootprintEvent} (big-endian, version byte 1): id, verb ordinal, actor,
 * object, timestamp, context (optional UUIDs with a presence byte), role ordinal and the result fields. Strings are an
 * unsigned 16-bit length and UTF-8 bytes. {@link #decode} is bounds-checked and returns null on any malformed input;
 * it never throws.
 */
public final class FootprintCodec {
    static final byte VERSION = 1;
    private static final int MAX_STRING_BYTES = 4 * FootprintEvent.MAX_NAME_LENGTH;

    private FootprintCodec() {
    }

    public static byte[] encode(FootprintEvent e) {
        byte[] actorId = utf8(e.actor().id());
        byte[] actorName = utf8(e.actor().name());
        byte[] object = utf8(e.objectId());
        byte[] lesson = utf8(e.context().lessonId());
        List<WatchedRange> watched = e.result().watched();
        int size = 1 + 16 + 1 + 2 + actorId.length + 2 + actorName.length + 1 + 2 + object.length + 8 + 2 + lesson.length
                + 4 * 17 + 1 + 8 + 4 + 1 + (4 + 8 + 4 + 4) + 2 + watched.size() * 16;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION);
        b.putLong(e.eventId().getMostSignificantBits()).putLong(e.eventId().getLeastSignificantBits());
        b.put((byte) e.verb().ordinal());
        putString(b, actorId);
        putString(b, actorName);
        b.put((byte) (e.actor().guest() ? 1 : 0));
        putString(b, object);
        b.putLong(e.timestamp());
        putString(b, lesson);
        FootprintContext c = e.context();
        putUuid(b, c.orgId());
        putUuid(b, c.groupId());
        putUuid(b, c.programmeId());
        putUuid(b, c.disciplineId());
        b.put((byte) c.role().ordinal());
        FootprintResult r = e.result();
        b.putLong(r.durationMs());
        b.putInt(r.chatLength());
        QualitySample q = r.quality();
        if (q == null) {
            b.put((byte) 0);
        } else {
            b.put((byte) 1).putInt(q.score()).putDouble(q.lossPercent()).putInt(q.rttMs()).putInt(q.jitterMs());
        }
        b.putShort((short) watched.size());
        for (WatchedRange w : watched) b.putLong(w.fromMs()).putLong(w.toMs());
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    /** The event in {@code bytes[offset, offset+length)}, or null when it is not a well-formed version-1 record. */
    public static FootprintEvent decode(byte[] bytes, int offset, int length) {
        if (bytes == null || offset < 0 || length < 0 || offset > bytes.length - length) return null;
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        if (b.remaining() < 1 + 16 + 1 || b.get() != VERSION) return null;
        UUID id = new UUID(b.getLong(), b.getLong());
        FootprintVerb verb = ordinal(FootprintVerb.values(), b.get());
        String actorId = string(b);
        String actorName = string(b);
        if (verb == null || actorId == null || actorName == null || b.remaining() < 1) return null;
        boolean guest = b.get() == 1;
        String object = string(b);
        if (object == null || b.remaining() < 8) return null;
        long ts = b.getLong();
        String lesson = string(b);
        if (lesson == null) return null;
        UUID[] ids = new UUID[4];
        for (int i = 0; i < 4; i++) {
            if (b.remaining() < 1) return null;
            byte present = b.get();
            if (present == 1) {
                if (b.remaining() < 16) return null;
                ids[i] = new UUID(b.getLong(), b.getLong());
            } else if (present != 0) {
                return null;
            }
        }
        if (b.remaining() < 1 + 8 + 4 + 1) return null;
        FootprintRole role = ordinal(FootprintRole.values(), b.get());
        long duration = b.getLong();
        int chat = b.getInt();
        byte hasQuality = b.get();
        QualitySample q = null;
        if (hasQuality == 1) {
            if (b.remaining() < 20) return null;
            q = new QualitySample(b.getInt(), b.getDouble(), b.getInt(), b.getInt());
        } else if (hasQuality != 0) {
            return null;
        }
        if (role == null || b.remaining() < 2) return null;
        int n = b.getShort() & 0xffff;
        if (n > FootprintEvent.MAX_WATCHED_RANGES || b.remaining() != n * 16) return null;
        List<WatchedRange> watched = new ArrayList<>(n);
        for (int i = 0; i < n; i++) watched.add(new WatchedRange(b.getLong(), b.getLong()));
        return new FootprintEvent(id, verb, new FootprintActor(actorId, actorName, guest), object, ts,
                new FootprintContext(lesson, ids[0], ids[1], ids[2], ids[3], role),
                new FootprintResult(duration, watched, q, chat));
    }

    private static <T> T ordinal(T[] values, byte b) {
        return b >= 0 && b < values.length ? values[b] : null;
    }

    private static byte[] utf8(String s) {
        byte[] out = s.getBytes(StandardCharsets.UTF_8);
        if (out.length > MAX_STRING_BYTES) throw new IllegalArgumentException("string too long for the journal");
        return out;
    }

    private static void putString(ByteBuffer b, byte[] s) {
        b.putShort((short) s.length).put(s);
    }

    private static String string(ByteBuffer b) {
        if (b.remaining() < 2) return null;
        int n = b.getShort() & 0xffff;
        if (n > MAX_STRING_BYTES || b.remaining() < n) return null;
        String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }

    private static void putUuid(ByteBuffer b, UUID id) {
        if (id == null) {
            b.put((byte) 0);
        } else {
            b.put((byte) 1).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
    }
}
