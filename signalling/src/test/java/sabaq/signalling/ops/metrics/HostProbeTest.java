package sabaq.signalling.ops.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.time.FakeTimeSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostProbeTest {
    @TempDir
    Path dir;

    @Test
    void aPathThatDoesNotExistYetIsMeasuredOnItsNearestParent() {
        DiskFigures existing = HostProbe.disk(dir);
        DiskFigures future = HostProbe.disk(dir.resolve("not/yet/there"));
        assertTrue(existing.total() > 0 && existing.free() >= 0 && existing.free() <= existing.total(), existing.toString());
        assertEquals(existing.total(), future.total());
        assertTrue(future.path().endsWith("not/yet/there"), future.path());
    }

    @Test
    void readsTheMachineAndTheJvm() {
        HostProbe probe = new HostProbe(List.of(dir, dir, Path.of("")),
                new NetworkReader(NetworkReader.PROC_NET_DEV, new FakeTimeSource(), 1));
        assertEquals(2, probe.watchedPaths().size(), "duplicates are dropped");
        HostFigures h = probe.read();
        assertTrue(h.cpuCount() >= 1);
        assertTrue(h.memoryTotal() > 0 && h.memoryFree() >= 0 && h.memoryFree() <= h.memoryTotal(), h.toString());
        assertTrue(h.heapUsed() > 0 && h.threads() > 0 && h.classesLoaded() > 0 && h.uptimeMillis() >= 0, h.toString());
        assertEquals(2, h.disks().size());
        double ratio = h.lowestDiskFreeRatio();
        assertTrue(ratio >= 0 && ratio <= 1, "free ratio " + ratio);
        assertTrue(Double.isNaN(h.systemCpu()) || (h.systemCpu() >= 0 && h.systemCpu() <= 1));
        assertEquals(NetworkReader.PROC_NET_DEV.toFile().exists(), h.networkAvailable());
    }
}
