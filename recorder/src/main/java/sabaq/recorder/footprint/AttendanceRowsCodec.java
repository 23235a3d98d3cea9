package sabaq.recorder.footprint;

import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.FootprintRole;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binary form of one lesson's attendance rows in an attendance summary (big-endian, version byte 1): a row count
 * (unsigned 16 bits), then per row the actor id and name (unsigned 16-bit length and UTF-8 bytes), the role ordinal,
 * guest (0/1), first joined, last left, attended, camera, microphone and speaking ms (64 bits each), chat messages,
 * hand raises and joins (32 bits each). One cell per lesson instead of a row per person: the totals of a group's
 * semester read ~100 cells instead of ~2 500 rows, and a summary is written in one piece. {@link #decode} is
 * bounds-checked and returns empty on any malformed input (the summary is then recomputed from events); it never throws.
 */
final class AttendanceRowsCodec {
    static final byte VERSION = 1;
    private static final int MAX_ROWS = 65_535;
    private static final int MAX_STRING_BYTES = 65_535;

    private AttendanceRowsCodec() {
    }

    static ByteBuffer encode(List<AttendanceRow> rows) {
        if (rows.size() > MAX_ROWS) throw new IllegalArgumentException("too many rows: " + rows.size());
        List<byte[]> strings = new ArrayList<>(rows.size() * 2);
        int size = 1 + 2;
        for (AttendanceRow r : rows) {
            byte[] id = utf8(r.actorId());
            byte[] name = utf8(r.name());
            strings.add(id);
            strings.add(name);
            size += 2 + id.length + 2 + name.length + 1 + 1 + 6 * 8 + 3 * 4;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION);
        b.putShort((short) rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AttendanceRow r = rows.get(i);
            putString(b, strings.get(2 * i));
            putString(b, strings.get(2 * i + 1));
            b.put((byte) r.role().ordinal());
            b.put((byte) (r.guest() ? 1 : 0));
            b.putLong(r.firstJoinedAt()).putLong(r.lastLeftAt()).putLong(r.attendedMs()).putLong(r.cameraOnMs())
                    .putLong(r.micOnMs()).putLong(r.speakingMs());
            b.putInt(r.chatMessages()).putInt(r.handRaises()).putInt(r.joins());
        }
        return b.flip();
    }

    /** The rows of {@code lessonId}, or empty when {@code bytes} is null, of another version, truncated or too long. */
    static Optional<List<AttendanceRow>> decode(String lessonId, ByteBuffer bytes) {
        if (bytes == null) return Optional.empty();
        ByteBuffer b = bytes.duplicate();
        try {
            if (b.get() != VERSION) return Optional.empty();
            int n = Short.toUnsignedInt(b.getShort());
            List<AttendanceRow> rows = new ArrayList<>(Math.min(n, 1024));
            FootprintRole[] roles = FootprintRole.values();
            for (int i = 0; i < n; i++) {
                String id = getString(b);
                String name = getString(b);
                int role = b.get();
                int guest = b.get();
                if (id == null || name == null || role < 0 || role >= roles.length || (guest != 0 && guest != 1)) {
                    return Optional.empty();
                }
                rows.add(new AttendanceRow(lessonId, id, name, roles[role], guest == 1, b.getLong(), b.getLong(),
                        b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getInt(), b.getInt(), b.getInt()));
            }
            return b.hasRemaining() ? Optional.empty() : Optional.of(rows);
        } catch (BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    private static byte[] utf8(String s) {
        byte[] out = s.getBytes(StandardCharsets.UTF_8);
        if (out.length > MAX_STRING_BYTES) throw new IllegalArgumentException("string too long: " + out.length + " bytes");
        return out;
    }

    private static void putString(ByteBuffer b, byte[] s) {
        b.putShort((short) s.length);
        b.put(s);
    }

    /** Null when the length runs past the end. */
    private static String getString(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        if (len > b.remaining()) return null;
        byte[] s = new byte[len];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
