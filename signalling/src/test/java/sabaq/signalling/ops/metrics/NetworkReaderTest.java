package sabaq.signalling.ops.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.time.FakeTimeSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsAtMostOncePerMaxAge() throws Exception {
        Path file = dir.resolve("dev");
        Files.writeString(file, ProcNetDevTest.SAMPLE);
        FakeTimeSource clock = new FakeTimeSource();
        NetworkReader reader = new NetworkReader(file, clock, Duration.ofSeconds(1).toNanos());
        assertTrue(reader.available());
        assertEquals(918273645, reader.value("eth0", InterfaceCounters::rxBytes), 0);
        Files.writeString(file, ProcNetDevTest.SAMPLE.replace("918273645", "918273999"));
        assertEquals(918273645, reader.value("eth0", InterfaceCounters::rxBytes), 0, "cached within the max age");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(918273999, reader.value("eth0", InterfaceCounters::rxBytes), 0);
        assertTrue(Double.isNaN(reader.value("eth9", InterfaceCounters::rxBytes)));
    }

    @Test
    void aMissingFileIsUnavailable() {
        NetworkReader reader = new NetworkReader(dir.resolve("none"), new FakeTimeSource(), 1);
        assertFalse(reader.available());
        assertEquals(0, reader.interfaces().size());
    }
}
