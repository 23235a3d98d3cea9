package sabaq.recorder.footprint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.footprint.FootprintEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A durable, bounded, append-only local journal of footprint events: the buffer between the emitters and Cassandra.
 *
 * <p>Files {@code segment-<seq>.log} in one directory; each record is {@code [int length][int CRC-32][payload]}
 * ({@link FootprintCodec}). {@link #append} writes a batch and forces it to disk ({@code FileChannel.force}) before it
 * returns: group commit, one fsync per batch; only then can {@link #read} hand the records out. A segment is closed
 * when it passes {@code segmentBytes} and deleted once every record in it has been read and {@link #ack acknowledged}
 * (written to Cassandra). Opening a directory replays every segment left by the last run from the start (a record
 * acknowledged but not yet deleted is written again; writes are idempotent, so it still counts once) and cuts a torn
 * record at the end of the last one.
 *
 * <p><b>Bound</b>: when the segments on disk would exceed {@code maxBytes}, new records are refused and counted in
 * {@link #dropped()}; nothing already journalled is ever dropped. Thread safety: one appending thread, any number of
 * reading/acknowledging threads.
 */
public final class FootprintJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FootprintJournal.class);
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 64 * 1024;
    private static final int READ_CHUNK = 1 << 20;

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private long totalBytes;
    private long nextSeq;
    private Segment cursor;
    private long cursorOffset;
    private FileChannel out;
    private boolean closed;

    private FootprintJournal(Path dir, long maxBytes, long segmentBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /** Opens (creating) the journal in {@code dir}, recovering the segments a previous run left behind. */
    public static FootprintJournal open(Path dir, long maxBytes, long segmentBytes) throws IOException {
        if (maxBytes < segmentBytes || segmentBytes < MAX_RECORD) throw new IllegalArgumentException("need maxBytes >= segmentBytes >= 64 KiB");
        Files.createDirectories(dir);
        FootprintJournal j = new FootprintJournal(dir, maxBytes, segmentBytes);
        j.recover();
        return j;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("segment-\\d{16}\\.log")).sorted().toList();
        }
        long records = 0;
        for (Path f : files) {
            long seq = Long.parseLong(f.getFileName().toString().substring(8, 24));
            Segment seg = new Segment(seq, f);
            seg.bytes = validPrefix(f, seg);
            if (seg.bytes < Files.size(f)) {
                log.warn("footprint journal: cutting a torn record at {} of {}", seg.bytes, f);
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    ch.truncate(seg.bytes);
                    ch.force(true);
                }
            }
            seg.sealed = true;
            segments.addLast(seg);
            totalBytes += seg.bytes;
            records += seg.records;
            nextSeq = seq + 1;
        }
        if (records > 0) log.info("footprint journal: {} events from the last run to write", records);
        cursor = segments.peekFirst();
        cursorOffset = 0;
        startSegment();
        deleteFinished();
    }

    /**
     * Length of {@code f} up to the end of its last record with a good CRC (what follows is a torn write of a crash);
     * counts the records before it into {@code seg.records}, a damaged one in the middle included ({@link #read}
     * skips and counts it).
     */
    private static long validPrefix(Path f, Segment seg) throws IOException {
        byte[] all = Files.readAllBytes(f);
        ByteBuffer b = ByteBuffer.wrap(all);
        long good = 0;
        long records = 0;
        long goodRecords = 0;
        while (b.remaining() >= HEADER) {
            int len = b.getInt();
            int crc = b.getInt();
            if (len <= 0 || len > MAX_RECORD || b.remaining() < len) break;
            boolean ok = crc(all, b.position(), len) == crc;
            b.position(b.position() + len);
            records++;
            if (ok) {
                good = b.position();
                goodRecords = records;
            }
        }
        seg.records = goodRecords;
        return good;
    }

    private void startSegment() throws IOException {
        Segment seg = new Segment(nextSeq++, dir.resolve(String.format("segment-%016d.log", nextSeq - 1)));
        out = FileChannel.open(seg.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        synchronized (this) {
            segments.addLast(seg);
            if (cursor == null) {
                cursor = seg;
                cursorOffset = 0;
            }
        }
    }

    /**
     * Appends the events and forces them to disk; returns how many were taken. Events that would push the journal
     * past its bound are refused and counted in {@link #dropped()}. Only the appending thread calls this.
     */
    public int append(List<FootprintEvent> events) throws IOException {
        if (events.isEmpty()) return 0;
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        int taken = 0;
        long room;
        synchronized (this) {
            if (closed) throw new IOException("journal closed");
            room = maxBytes - totalBytes;
        }
        List<byte[]> records = new ArrayList<>(events.size());
        long bytes = 0;
        for (FootprintEvent e : events) {
            byte[] payload = FootprintCodec.encode(e);
            if (bytes + HEADER + payload.length > room) {
                dropped.incrementAndGet();
                continue;
            }
            records.add(payload);
            bytes += HEADER + payload.length;
        }
        Segment seg;
        synchronized (this) {
            seg = segments.peekLast();
        }
        long written = 0;
        for (byte[] p : records) {
            if (buf.remaining() < HEADER + p.length) {
                written += flush(buf);
            }
            buf.putInt(p.length).putInt(crc(p, 0, p.length)).put(p);
            taken++;
        }
        written += flush(buf);
        out.force(false);
        synchronized (this) {
            seg.bytes += written;
            seg.records += taken;
            totalBytes += written;
        }
        appended.addAndGet(taken);
        if (seg.bytes >= segmentBytes) rotate(seg);
        return taken;
    }

    private long flush(ByteBuffer buf) throws IOException {
        buf.flip();
        long n = 0;
        while (buf.hasRemaining()) n += out.write(buf);
        buf.clear();
        return n;
    }

    private void rotate(Segment full) throws IOException {
        out.close();
        synchronized (this) {
            full.sealed = true;
        }
        startSegment();
        synchronized (this) {
            deleteFinished();
        }
    }

    /** A journalled event and the segment it came from (for {@link #ack}). */
    public record Entry(long segment, FootprintEvent event) {
    }

    /** Up to {@code max} durable events not handed out yet, oldest first; empty when there are none. */
    public synchronized List<Entry> read(int max) throws IOException {
        List<Entry> outList = new ArrayList<>();
        while (outList.size() < max && cursor != null) {
            if (cursorOffset >= cursor.bytes) {
                if (!cursor.sealed) break;
                cursor = after(cursor);
                cursorOffset = 0;
                continue;
            }
            int want = (int) Math.min(READ_CHUNK, cursor.bytes - cursorOffset);
            byte[] chunk = readChunk(cursor.path, cursorOffset, want);
            int pos = 0;
            boolean bad = false;
            while (outList.size() < max && chunk.length - pos >= HEADER) {
                ByteBuffer h = ByteBuffer.wrap(chunk, pos, HEADER);
                int len = h.getInt();
                int crc = h.getInt();
                if (len <= 0 || len > MAX_RECORD || chunk.length - pos - HEADER < len) {
                    bad = len <= 0 || len > MAX_RECORD || pos == 0;
                    break;
                }
                FootprintEvent e = crc(chunk, pos + HEADER, len) == crc ? FootprintCodec.decode(chunk, pos + HEADER, len) : null;
                if (e == null) {
                    corrupt.incrementAndGet();
                    cursor.acked++;
                } else {
                    outList.add(new Entry(cursor.seq, e));
                }
                cursor.handed++;
                pos += HEADER + len;
            }
            if (bad) {
                skipCorrupt();
            } else {
                cursorOffset += pos;
            }
        }
        deleteFinished();
        return outList;
    }

    private static byte[] readChunk(Path path, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            int n;
            do {
                n = in.read(b, offset + b.position());
            } while (n > 0 && b.hasRemaining());
        }
        return b.hasRemaining() ? java.util.Arrays.copyOf(b.array(), b.position()) : b.array();
    }

    private void skipCorrupt() {
        corrupt.incrementAndGet();
        log.error("footprint journal: unreadable data in {} at {}; skipping the rest of the segment", cursor.path, cursorOffset);
        cursor.acked += cursor.records - cursor.handed;
        cursor.handed = cursor.records;
        cursorOffset = cursor.bytes;
    }

    private Segment after(Segment s) {
        boolean found = false;
        for (Segment x : segments) {
            if (found) return x;
            if (x == s) found = true;
        }
        return null;
    }

    /** Marks entries as written to Cassandra; segments whose every record is acknowledged are deleted. */
    public synchronized void ack(List<Entry> entries) {
        for (Entry e : entries) {
            for (Segment s : segments) {
                if (s.seq == e.segment()) {
                    s.acked++;
                    break;
                }
            }
        }
        deleteFinished();
    }

    private void deleteFinished() {
        while (!segments.isEmpty()) {
            Segment s = segments.peekFirst();
            if (!s.sealed || s.acked < s.records || (s == cursor)) return;
            segments.removeFirst();
            totalBytes -= s.bytes;
            try {
                Files.deleteIfExists(s.path);
            } catch (IOException e) {
                log.warn("footprint journal: could not delete {}: {}", s.path, e.toString());
            }
        }
    }

    /** Events refused because the journal was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Records that failed their CRC or could not be decoded (skipped). */
    public long corrupt() {
        return corrupt.get();
    }

    public long appended() {
        return appended.get();
    }

    /** Bytes of the segments on disk. */
    public synchronized long bytes() {
        return totalBytes;
    }

    /** Records journalled and not yet acknowledged. */
    public synchronized long pending() {
        long n = 0;
        for (Segment s : segments) n += s.records - s.acked;
        return n;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        out.close();
    }

    static int crc(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    private static final class Segment {
        final long seq;
        final Path path;
        long bytes;
        long records;
        long handed;
        long acked;
        boolean sealed;

        Segment(long seq, Path path) {
            this.seq = seq;
            this.path = path;
        }
    }
}
