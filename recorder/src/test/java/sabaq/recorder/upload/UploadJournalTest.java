package sabaq.recorder.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.recorder.storage.StoredObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadJournalTest {
    private static final String SHA = "a".repeat(64);
    @TempDir
    Path dir;

    @Test
    void survivesReopenAndIgnoresATornLine() throws Exception {
        Path f = dir.resolve("journal.log");
        try (UploadJournal j = UploadJournal.open(f)) {
            j.record(new StoredObject("recordings/l/r/a.webm", 10, SHA));
            j.record(new StoredObject("recordings/l/r/b.webm", 20, SHA));
            j.record(new StoredObject("recordings/l/r/b.webm", 20, SHA));
        }
        Files.writeString(f, "recordings/l/r/c.webm 30 abc", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (UploadJournal j = UploadJournal.open(f)) {
            assertEquals(2, j.size());
            assertTrue(j.contains("recordings/l/r/a.webm"));
            assertFalse(j.contains("recordings/l/r/c.webm"));
            j.record(new StoredObject("recordings/l/r/d.webm", 40, SHA));
        }
        try (UploadJournal j = UploadJournal.open(f)) {
            assertEquals(3, j.size(), "the entry after the torn line is on a line of its own");
            assertEquals(40, j.get("recordings/l/r/d.webm").length());
        }
    }

    @Test
    void parseRefusesMalformedLines() {
        assertNull(UploadJournal.parse(""));
        assertNull(UploadJournal.parse("k -1 " + SHA));
        assertNull(UploadJournal.parse("k 1 " + "g".repeat(64)));
        assertNull(UploadJournal.parse("k x " + SHA));
        assertEquals(5, UploadJournal.parse("k 5 " + SHA).length());
    }
}
