package sabaq.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-packet path must not allocate: reads the current thread's allocation counter (HotSpot's
 * {@code com.sun.management.ThreadMXBean}) around many calls of the accessors the forwarder uses.
 */
class RtpAllocationTest {
    private static final int CALLS = 100_000;

    @Test
    void packetPathAccessorsDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        byte[] packet = Hex.bytes("90E00001 00000000 11223344 BEDE0002 4031A068 31000700"
                + "90E08123 0700 10 504200 9D012A");
        byte[] out = new byte[64];
        RtpHeaderWriter writer = new RtpHeaderWriter();
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        SeqNumUnwrapper unwrapper = new SeqNumUnwrapper();
        long sink = exercise(packet, out, writer, stats, unwrapper, 1000);

        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        sink += exercise(packet, out, writer, stats, unwrapper, CALLS);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        assertTrue(allocated < 1024, "allocated " + allocated + " bytes for " + CALLS + " packets");
        assertTrue(sink != 0);
        assertEquals(CALLS + 1000 - 1, stats.packetsReceived(), "all in sequence after probation, across wraps");
    }

    private static long exercise(byte[] p, byte[] out, RtpHeaderWriter writer, RtpReceiveStatistics stats,
            SeqNumUnwrapper unwrapper, int calls) {
        long sink = 0;
        int len = p.length;
        for (int i = 0; i < calls; i++) {
            RtpPacket.setSequenceNumber(p, 0, len, RtpPacket.sequenceNumber(p, 0, len) + 1);
            if (!RtpPacket.isRtp(p, 0, len) || RtpPacket.isRtcp(p, 0, len)) {
                continue;
            }
            int seq = RtpPacket.sequenceNumber(p, 0, len);
            sink += unwrapper.unwrap(seq) + RtpPacket.ssrc(p, 0, len) + RtpPacket.timestamp(p, 0, len);
            stats.onPacket(seq, RtpPacket.timestamp(p, 0, len), i * 1000L, 90000, len);
            int tcc = RtpHeaderExtensions.transportCcSeq(p, 0, len, 3);
            sink += RtpHeaderExtensions.find(p, 0, len, 10) + tcc;
            int header = RtpPacket.headerLength(p, 0, len);
            int payload = RtpPacket.payloadLength(p, 0, len);
            if (Vp8PayloadDescriptor.isKeyframe(p, header, payload)) {
                sink += Vp8PayloadDescriptor.pictureId(p, header, payload);
            }
            writer.clearExtensions().addTransportCcSeq(5, tcc + i);
            writer.copyExtension(p, 0, len, 4, 1);
            sink += writer.write(out, 0, RtpPacket.payloadType(p, 0, len), RtpPacket.marker(p, 0, len), seq,
                    RtpPacket.timestamp(p, 0, len), 0x1234);
        }
        return sink;
    }
}
