package sabaq.recorder.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.recorder.storage.StoredObject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The local record of which objects were uploaded and verified: an append-only text file, one line per object
 * ({@code <key> <length> <sha256>}), forced to disk after each line. It survives a crash of the recorder, so a
 * restarted uploader skips what is already stored and never uploads a segment twice. A torn last line (a crash while
 * writing it) is ignored: that object is simply verified or uploaded again under the same key. Thread safe.
 */
public final class UploadJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadJournal.class);

    private final Path file;
    private final Map<String, StoredObject> entries = new LinkedHashMap<>();
    private final FileChannel channel;

    private UploadJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or creates) the journal and reads the entries already in it. */
    public static UploadJournal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        UploadJournal j = new UploadJournal(file, ch);
        j.load();
        ch.position(ch.size());
        j.endTornLine();
        return j;
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int skipped = 0;
        for (String line : lines) {
            StoredObject o = parse(line);
            if (o == null) {
                skipped++;
            } else {
                entries.put(o.key(), o);
            }
        }
        if (skipped > 0) LOG.warn("upload journal {}: ignored {} unreadable line(s)", file, skipped);
    }

    /** After a crash mid-line, starts the next entry on a line of its own. */
    private void endTornLine() throws IOException {
        long size = channel.size();
        if (size == 0) return;
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        if (last.get(0) != '\n') {
            channel.write(ByteBuffer.wrap(new byte[]{'\n'}));
            channel.force(false);
        }
    }

    /** Parses one journal line; null when it is torn or malformed. */
    static StoredObject parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 3 || f[0].isEmpty() || f[2].length() != 64) return null;
        for (int i = 0; i < 64; i++) if (Character.digit(f[2].charAt(i), 16) < 0) return null;
        try {
            long len = Long.parseLong(f[1]);
            return len < 0 ? null : new StoredObject(f[0], len, f[2]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }

    public synchronized StoredObject get(String key) {
        return entries.get(key);
    }

    public synchronized Collection<StoredObject> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Records a verified upload (durably). Recording the same key again is a no-op. */
    public synchronized void record(StoredObject o) throws IOException {
        Objects.requireNonNull(o.sha256(), "sha256");
        if (o.key().contains(" ") || o.key().contains("\n")) throw new IllegalArgumentException("bad key " + o.key());
        if (entries.containsKey(o.key())) return;
        byte[] line = (o.key() + " " + o.length() + " " + o.sha256() + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) channel.write(b);
        channel.force(false);
        entries.put(o.key(), o);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
