package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.Row;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/** Column reading and writing helpers shared by the Cassandra repositories. */
final class Rows {
    /** Stands for "no group" in clustering columns, which cannot be null. */
    static final UUID NONE = new UUID(0L, 0L);

    private Rows() {
    }

    static long millis(Row row, String column) {
        Instant i = row.getInstant(column);
        return i == null ? 0L : i.toEpochMilli();
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static byte[] bytes(Row row, String column) {
        ByteBuffer b = row.getByteBuffer(column);
        if (b == null) return null;
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    static ByteBuffer buffer(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes.clone());
    }

    static UUID group(UUID groupId) {
        return groupId == null ? NONE : groupId;
    }

    static UUID groupOrNull(UUID stored) {
        return NONE.equals(stored) ? null : stored;
    }

    /** TTL in seconds for a CQL {@code USING TTL}: at least 1. */
    static int ttlSeconds(java.time.Duration ttl) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ttl.getSeconds()));
    }
}
