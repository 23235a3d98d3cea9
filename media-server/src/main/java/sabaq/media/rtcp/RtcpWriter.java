package sabaq.media.rtcp;

import static sabaq.media.rtp.BigEndian.put16;
import static sabaq.media.rtp.BigEndian.put24;
import static sabaq.media.rtp.BigEndian.put32;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import sabaq.media.rtp.SeqNum;

/**
 * Writes RTCP packets into a caller-supplied array: each method writes one packet at {@code out[off]} and returns
 * its length in bytes (a multiple of 4), or -1 if it does not fit. Concatenate several calls to build a compound
 * packet (RFC 3550 section 6.1; with rtcp-rsize, RFC 5506, a single feedback packet is fine). No padding bit is
 * ever set, so the packets can go anywhere in a compound.
 *
 * <p>Arguments outside what the format can carry (more than 31 report blocks or BYE sources, more than 255 REMB
 * SSRCs, a CNAME over 255 bytes) are programming errors and throw {@link IllegalArgumentException}.
 */
public final class RtcpWriter {
    private static final int MAX_COUNT = 31;

    private RtcpWriter() {
    }

    /** Receiver report (PT 201) with up to 31 report blocks. */
    public static int receiverReport(byte[] out, int off, long ssrc, List<ReportBlock> blocks) {
        checkCount(blocks.size(), MAX_COUNT, "report blocks");
        int length = 8 + 24 * blocks.size();
        if (!fits(out, off, length)) {
            return -1;
        }
        header(out, off, blocks.size(), RtcpPacket.RR, length);
        put32(out, off + 4, ssrc);
        writeBlocks(out, off + 8, blocks);
        return length;
    }

    /** Sender report (PT 200): NTP timestamp (seconds since 1900, 2^-32 fraction), RTP timestamp, counts. */
    public static int senderReport(byte[] out, int off, long ssrc, long ntpSeconds, long ntpFraction,
            long rtpTimestamp, long packetCount, long octetCount, List<ReportBlock> blocks) {
        checkCount(blocks.size(), MAX_COUNT, "report blocks");
        int length = 28 + 24 * blocks.size();
        if (!fits(out, off, length)) {
            return -1;
        }
        header(out, off, blocks.size(), RtcpPacket.SR, length);
        put32(out, off + 4, ssrc);
        put32(out, off + 8, ntpSeconds);
        put32(out, off + 12, ntpFraction);
        put32(out, off + 16, rtpTimestamp);
        put32(out, off + 20, packetCount);
        put32(out, off + 24, octetCount);
        writeBlocks(out, off + 28, blocks);
        return length;
    }

    private static void writeBlocks(byte[] out, int at, List<ReportBlock> blocks) {
        for (ReportBlock b : blocks) {
            put32(out, at, b.ssrc());
            out[at + 4] = (byte) Math.max(0, Math.min(255, b.fractionLost()));
            put24(out, at + 5, Math.max(-0x800000, Math.min(0x7FFFFF, b.cumulativeLost())));
            put32(out, at + 8, b.extendedHighestSeq());
            put32(out, at + 12, b.jitter());
            put32(out, at + 16, b.lastSr());
            put32(out, at + 20, b.delaySinceLastSr());
            at += 24;
        }
    }

    /** SDES (PT 202) with one chunk holding a CNAME item (UTF-8, at most 255 bytes). */
    public static int sdesCname(byte[] out, int off, long ssrc, String cname) {
        byte[] text = cname.getBytes(StandardCharsets.UTF_8);
        checkCount(text.length, 255, "CNAME bytes");
        // SSRC, item type and length, text, then at least one zero byte (END) up to the next 32-bit boundary.
        int length = 4 + ((4 + 2 + text.length + 1 + 3) & ~3);
        if (!fits(out, off, length)) {
            return -1;
        }
        header(out, off, 1, RtcpPacket.SDES, length);
        put32(out, off + 4, ssrc);
        out[off + 8] = 1;
        out[off + 9] = (byte) text.length;
        System.arraycopy(text, 0, out, off + 10, text.length);
        Arrays.fill(out, off + 10 + text.length, off + length, (byte) 0);
        return length;
    }

    /** BYE (PT 203) for up to 31 sources, without a reason. */
    public static int bye(byte[] out, int off, long[] ssrcs) {
        return bye(out, off, ssrcs, null);
    }

    /** BYE (PT 203) for up to 31 sources with an optional reason (UTF-8, at most 255 bytes). */
    public static int bye(byte[] out, int off, long[] ssrcs, String reason) {
        checkCount(ssrcs.length, MAX_COUNT, "BYE sources");
        byte[] text = reason == null ? null : reason.getBytes(StandardCharsets.UTF_8);
        if (text != null) {
            checkCount(text.length, 255, "reason bytes");
        }
        int length = 4 + 4 * ssrcs.length + (text == null ? 0 : (1 + text.length + 3) & ~3);
        if (!fits(out, off, length)) {
            return -1;
        }
        header(out, off, ssrcs.length, RtcpPacket.BYE, length);
        for (int i = 0; i < ssrcs.length; i++) {
            put32(out, off + 4 + 4 * i, ssrcs[i]);
        }
        if (text != null) {
            int at = off + 4 + 4 * ssrcs.length;
            out[at] = (byte) text.length;
            System.arraycopy(text, 0, out, at + 1, text.length);
            Arrays.fill(out, at + 1 + text.length, off + length, (byte) 0);
        }
        return length;
    }

    /** Picture Loss Indication (RFC 4585 section 6.3.1): PSFB FMT 1, 12 bytes. */
    public static int pli(byte[] out, int off, long senderSsrc, long mediaSsrc) {
        if (!fits(out, off, 12)) {
            return -1;
        }
        feedbackHeader(out, off, 1, RtcpPacket.PSFB, 12, senderSsrc, mediaSsrc);
        return 12;
    }

    /**
     * Full Intra Request (RFC 5104 section 4.3.1): PSFB FMT 4 with the media source field 0 and one FCI entry
     * naming {@code mediaSsrc} and the command sequence number {@code seqNr} (low 8 bits).
     */
    public static int fir(byte[] out, int off, long senderSsrc, long mediaSsrc, int seqNr) {
        if (!fits(out, off, 20)) {
            return -1;
        }
        feedbackHeader(out, off, 4, RtcpPacket.PSFB, 20, senderSsrc, 0);
        put32(out, off + 12, mediaSsrc);
        put32(out, off + 16, (seqNr & 0xFFL) << 24);
        return 20;
    }

    /**
     * Generic NACK (RFC 4585 section 6.2.1): RTPFB FMT 1. The lost sequence numbers may come in any order and with
     * duplicates; they are ordered in sequence-number space relative to the first one (so a list spanning a wrap
     * such as 65534, 65535, 0, 1 works as long as it spans less than 32768) and packed into PID/BLP pairs.
     *
     * @return bytes written, 0 if {@code lostSeqs} is empty, -1 if there is no room
     */
    public static int nack(byte[] out, int off, long senderSsrc, long mediaSsrc, int[] lostSeqs) {
        if (lostSeqs.length == 0) {
            return 0;
        }
        int reference = lostSeqs[0] & 0xFFFF;
        int[] relative = new int[lostSeqs.length];
        for (int i = 0; i < lostSeqs.length; i++) {
            relative[i] = SeqNum.diff(lostSeqs[i] & 0xFFFF, reference);
        }
        Arrays.sort(relative);
        int entries = 0;
        for (int i = 0; i < relative.length; ) {
            int pid = relative[i];
            while (i < relative.length && relative[i] - pid <= 16) {
                i++;
            }
            entries++;
        }
        int length = 12 + 4 * entries;
        if (!fits(out, off, length)) {
            return -1;
        }
        feedbackHeader(out, off, 1, RtcpPacket.RTPFB, length, senderSsrc, mediaSsrc);
        int at = off + 12;
        for (int i = 0; i < relative.length; ) {
            int pid = relative[i++];
            int blp = 0;
            while (i < relative.length && relative[i] - pid <= 16) {
                if (relative[i] != pid) {
                    blp |= 1 << (relative[i] - pid - 1);
                }
                i++;
            }
            put16(out, at, reference + pid);
            put16(out, at + 2, blp);
            at += 4;
        }
        return length;
    }

    /**
     * REMB (draft-alvestrand-rmcat-remb-03): PSFB FMT 15, media source 0, "REMB", the SSRC count, the bitrate as a
     * 6-bit exponent and 18-bit mantissa (rounded down to what that can express), then the SSRCs (at most 255).
     */
    public static int remb(byte[] out, int off, long senderSsrc, long bitrateBps, long[] ssrcs) {
        checkCount(ssrcs.length, 255, "REMB SSRCs");
        if (bitrateBps < 0) {
            throw new IllegalArgumentException("negative bitrate " + bitrateBps);
        }
        int length = 20 + 4 * ssrcs.length;
        if (!fits(out, off, length)) {
            return -1;
        }
        feedbackHeader(out, off, 15, RtcpPacket.PSFB, length, senderSsrc, 0);
        int exponent = RembBitrate.exponent(bitrateBps);
        long mantissa = bitrateBps >>> exponent;
        out[off + 12] = 'R';
        out[off + 13] = 'E';
        out[off + 14] = 'M';
        out[off + 15] = 'B';
        out[off + 16] = (byte) ssrcs.length;
        out[off + 17] = (byte) ((exponent << 2) | (int) (mantissa >>> 16));
        put16(out, off + 18, (int) mantissa);
        for (int i = 0; i < ssrcs.length; i++) {
            put32(out, off + 20 + 4 * i, ssrcs[i]);
        }
        return length;
    }

    /**
     * Transport-wide CC feedback from raw entries: {@code count} packets starting at {@code baseSeq}, each with a
     * received flag and, if received, its arrival delta in 250 µs ticks (-32768..32767). Chunk types are chosen
     * to cover as many packets per chunk as possible; the packet is zero-padded to 32 bits.
     *
     * @param referenceTime 24-bit reference time in units of 64 ms (low 24 bits used)
     * @param feedbackPacketCount 8-bit feedback sequence counter (low 8 bits used)
     * @return bytes written, or -1 if there is no room, {@code count} is not 1..65535 or a delta is out of range
     */
    public static int transportCc(byte[] out, int off, long senderSsrc, long mediaSsrc, int baseSeq,
            int referenceTime, int feedbackPacketCount, boolean[] received, int[] deltaTicks, int count) {
        return TransportCcCodec.write(out, off, senderSsrc, mediaSsrc, baseSeq, referenceTime, feedbackPacketCount,
                received, deltaTicks, count);
    }

    /**
     * Transport-wide CC feedback from a decoded record: the deltas in microseconds are rounded to 250 µs ticks and
     * {@code sequenceNumbers} is not consulted (entry i is {@code baseSeq + i}).
     */
    public static int transportCc(byte[] out, int off, TransportCcFeedback feedback) {
        int count = feedback.received().length;
        int[] ticks = new int[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = (int) Math.floorDiv(feedback.deltasMicros()[i] + TransportCcCodec.TICK_MICROS / 2L,
                    (long) TransportCcCodec.TICK_MICROS);
        }
        return transportCc(out, off, feedback.senderSsrc(), feedback.mediaSsrc(), feedback.baseSeq(),
                feedback.referenceTime(), feedback.feedbackPacketCount(), feedback.received(), ticks, count);
    }

    private static void header(byte[] out, int off, int count, int type, int length) {
        out[off] = (byte) (0x80 | count);
        out[off + 1] = (byte) type;
        put16(out, off + 2, length / 4 - 1);
    }

    private static void feedbackHeader(byte[] out, int off, int format, int type, int length, long senderSsrc,
            long mediaSsrc) {
        header(out, off, format, type, length);
        put32(out, off + 4, senderSsrc);
        put32(out, off + 8, mediaSsrc);
    }

    private static boolean fits(byte[] out, int off, int length) {
        return out != null && off >= 0 && off <= out.length - length;
    }

    private static void checkCount(int count, int max, String what) {
        if (count > max) {
            throw new IllegalArgumentException("too many " + what + ": " + count + " > " + max);
        }
    }
}
