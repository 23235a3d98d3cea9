package sabaq.recorder.footprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.footprint.FootprintEvent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootprintJournalTest {
    private static final long SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private static List<FootprintEvent> events(int from, int n) {
        Random r = new Random(from);
        List<FootprintEvent> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) out.add(TestEvents.random(r, "LESSON" + (i % 5), i));
        return out;
    }

    private static List<FootprintJournal.Entry> readAll(FootprintJournal j) throws IOException {
        List<FootprintJournal.Entry> all = new ArrayList<>();
        while (true) {
            List<FootprintJournal.Entry> batch = j.read(100);
            if (batch.isEmpty()) return all;
            all.addAll(batch);
        }
    }

    private static List<FootprintEvent> eventsOf(List<FootprintJournal.Entry> entries) {
        List<FootprintEvent> out = new ArrayList<>();
        for (FootprintJournal.Entry e : entries) out.add(e.event());
        return out;
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("segment-")).count();
        }
    }

    @Test
    void readsInOrderAcrossSegmentsAndDeletesOnlyAcknowledgedOnes() throws IOException {
        List<FootprintEvent> in = events(0, 3000);
        try (FootprintJournal j = FootprintJournal.open(dir, 16 * SEGMENT, SEGMENT)) {
            for (int i = 0; i < in.size(); i += 250) assertEquals(250, j.append(in.subList(i, i + 250)));
            long segments = segmentFiles();
            assertTrue(segments > 3, "segments: " + segments);
            List<FootprintJournal.Entry> all = readAll(j);
            assertEquals(in, eventsOf(all));
            assertEquals(segments, segmentFiles(), "nothing deleted before acknowledgement");
            assertEquals(3000, j.pending());
            j.ack(all.subList(0, 1500));
            assertTrue(segmentFiles() < segments, "acknowledged sealed segments are deleted");
            assertEquals(1500, j.pending());
            j.ack(all.subList(1500, 3000));
            assertEquals(1, segmentFiles(), "only the open segment remains");
            assertEquals(0, j.pending());
        }
    }

    @Test
    void unacknowledgedEventsComeBackAfterReopenAndATornTailIsCut() throws IOException {
        List<FootprintEvent> in = events(0, 400);
        try (FootprintJournal j = FootprintJournal.open(dir, 16 * SEGMENT, SEGMENT)) {
            j.append(in.subList(0, 200));
            j.append(in.subList(200, 400));
            List<FootprintJournal.Entry> first = j.read(150);
            j.ack(first);
        }
        Path last;
        try (Stream<Path> s = Files.list(dir)) {
            last = s.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted()
                    .reduce((a, b) -> Files.isRegularFile(b) && sizeOf(b) > 0 ? b : a).orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 9, 9}));
        }
        try (FootprintJournal j = FootprintJournal.open(dir, 16 * SEGMENT, SEGMENT)) {
            List<FootprintEvent> again = eventsOf(readAll(j));
            // Everything in a not-yet-deleted segment comes back (writes are idempotent), the torn bytes do not.
            assertEquals(in, again);
            assertEquals(0, j.corrupt());
            j.append(events(400, 10));
            assertEquals(events(400, 10), eventsOf(readAll(j)));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFullJournalRefusesNewEventsAndKeepsTheOldOnes() throws IOException {
        try (FootprintJournal j = FootprintJournal.open(dir, 2 * SEGMENT, SEGMENT)) {
            int taken = 0;
            for (int i = 0; i < 20; i++) taken += j.append(events(i * 200, 200));
            assertTrue(taken < 4000 && taken > 500, "taken " + taken);
            assertEquals(4000 - taken, j.dropped());
            assertTrue(j.bytes() <= 2 * SEGMENT);
            List<FootprintJournal.Entry> all = readAll(j);
            assertEquals(taken, all.size());
            j.ack(all);
            assertEquals(200, j.append(events(9000, 200)), "room again once written");
        }
    }

    @Test
    void aCorruptRecordIsSkippedAndCounted() throws IOException {
        List<FootprintEvent> in = events(0, 50);
        try (FootprintJournal j = FootprintJournal.open(dir, 16 * SEGMENT, SEGMENT)) {
            j.append(in);
        }
        Path seg;
        try (Stream<Path> s = Files.list(dir)) {
            seg = s.filter(p -> sizeOf(p) > 0).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(seg);
        bytes[8 + 20] ^= 0x55;
        Files.write(seg, bytes);
        try (FootprintJournal j = FootprintJournal.open(dir, 16 * SEGMENT, SEGMENT)) {
            // Only the damaged record is lost; those after it are read.
            assertEquals(in.subList(1, 50), eventsOf(readAll(j)));
            assertEquals(1, j.corrupt());
        }
    }
}
