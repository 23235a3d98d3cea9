package sabaq.recorder.footprint;

import org.junit.jupiter.api.Test;
import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.FootprintRole;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttendanceRowsCodecTest {
    private static List<AttendanceRow> rows(Random r, int n) {
        List<AttendanceRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new AttendanceRow("L1", "p" + r.nextInt(1000), "Имя Ұлан " + i, FootprintRole.values()[r.nextInt(3)],
                    r.nextBoolean(), r.nextLong(), r.nextBoolean() ? -1 : r.nextLong(), r.nextLong(), r.nextLong(),
                    r.nextLong(), r.nextLong(), r.nextInt(), r.nextInt(), r.nextInt()));
        }
        return out;
    }

    @Test
    void roundTrips() {
        Random r = new Random(1);
        for (int n : new int[] {0, 1, 27, 300}) {
            List<AttendanceRow> rows = rows(r, n);
            assertEquals(Optional.of(rows), AttendanceRowsCodec.decode("L1", AttendanceRowsCodec.encode(rows)));
        }
    }

    @Test
    void refusesOtherVersionsTruncationAndTrailingBytes() {
        ByteBuffer ok = AttendanceRowsCodec.encode(rows(new Random(2), 3));
        byte[] bytes = new byte[ok.remaining()];
        ok.duplicate().get(bytes);
        byte[] version = bytes.clone();
        version[0] = 2;
        assertTrue(AttendanceRowsCodec.decode("L1", ByteBuffer.wrap(version)).isEmpty());
        for (int len = 0; len < bytes.length; len++) {
            assertTrue(AttendanceRowsCodec.decode("L1", ByteBuffer.wrap(bytes, 0, len)).isEmpty(), "truncated at " + len);
        }
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertTrue(AttendanceRowsCodec.decode("L1", ByteBuffer.wrap(longer)).isEmpty());
        assertTrue(AttendanceRowsCodec.decode("L1", null).isEmpty());
    }

    /**
     * 200 000 random and mutated valid inputs: decode never throws, and what it returns fits the input and round-trips
     * (bytes may differ only where invalid UTF-8 became replacement characters).
     */
    @Test
    void fuzz() {
        Random r = new Random(20261123);
        ByteBuffer valid = AttendanceRowsCodec.encode(rows(r, 5));
        byte[] base = new byte[valid.remaining()];
        valid.get(base);
        for (int i = 0; i < 200_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[r.nextInt(200)];
                r.nextBytes(input);
                if (input.length > 0 && r.nextBoolean()) input[0] = AttendanceRowsCodec.VERSION;
            } else {
                input = java.util.Arrays.copyOf(base, Math.max(0, base.length - r.nextInt(8) + r.nextInt(8)));
                for (int k = 0, m = 1 + r.nextInt(4); k < m && input.length > 0; k++) input[r.nextInt(input.length)] = (byte) r.nextInt(256);
            }
            Optional<List<AttendanceRow>> out = AttendanceRowsCodec.decode("L1", ByteBuffer.wrap(input));
            if (out.isPresent()) {
                assertTrue(out.get().size() <= input.length / 64, "rows " + out.get().size() + " from " + input.length + " bytes");
                assertEquals(out, AttendanceRowsCodec.decode("L1", AttendanceRowsCodec.encode(out.get())));
            }
        }
    }
}
