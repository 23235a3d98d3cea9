package sabaq.media.rtcp;

import static sabaq.media.rtp.BigEndian.put16;
import static sabaq.media.rtp.BigEndian.put24;
import static sabaq.media.rtp.BigEndian.put32;
import static sabaq.media.rtp.BigEndian.s24;
import static sabaq.media.rtp.BigEndian.u16;
import static sabaq.media.rtp.BigEndian.u32;
import static sabaq.media.rtp.BigEndian.u8;

/**
 * Wire format of transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * section 3.1), RTPFB FMT 15:
 *
 * <pre>
 * header (FMT=15, PT=205) | sender SSRC | media SSRC
 * base sequence number (16) | packet status count (16)
 * reference time (24, signed, x 64 ms) | feedback packet count (8)
 * packet chunks (16 bits each) ... | receive deltas ... | zero padding to 32 bits
 * </pre>
 *
 * Chunks: run length (bit 15 = 0, 2-bit symbol, 13-bit run) or status vector (bit 15 = 1; bit 14 = 0: fourteen
 * 1-bit symbols, bit 14 = 1: seven 2-bit symbols). Symbols: 0 not received, 1 received with a 1-byte unsigned
 * delta, 2 received with a 2-byte signed delta, 3 reserved. Deltas are in 250 µs ticks.
 */
final class TransportCcCodec {
    static final int HEADER_LENGTH = 20;
    static final int TICK_MICROS = 250;
    private static final int MAX_RUN = 0x1FFF;

    private TransportCcCodec() {
    }

    /** Decodes the packet {@code buf[p .. p+n)} (padding already removed), or null if malformed. */
    static TransportCcFeedback parse(byte[] buf, int p, int n) {
        if (n < HEADER_LENGTH) {
            return null;
        }
        int baseSeq = u16(buf, p + 12);
        int count = u16(buf, p + 14);
        int pos = p + HEADER_LENGTH;
        int end = p + n;
        byte[] symbols = new byte[count];
        int i = 0;
        while (i < count) {
            if (end - pos < 2) {
                return null;
            }
            int chunk = u16(buf, pos);
            pos += 2;
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >>> 13) & 0x03;
                if (symbol == 3) {
                    return null;
                }
                int run = Math.min(chunk & MAX_RUN, count - i);
                for (int k = 0; k < run; k++) {
                    symbols[i++] = (byte) symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int k = 0; k < 14 && i < count; k++) {
                    symbols[i++] = (byte) ((chunk >>> (13 - k)) & 0x01);
                }
            } else {
                for (int k = 0; k < 7 && i < count; k++) {
                    int symbol = (chunk >>> (12 - 2 * k)) & 0x03;
                    if (symbol == 3) {
                        return null;
                    }
                    symbols[i++] = (byte) symbol;
                }
            }
        }
        int[] sequenceNumbers = new int[count];
        boolean[] received = new boolean[count];
        int[] deltas = new int[count];
        for (i = 0; i < count; i++) {
            sequenceNumbers[i] = (baseSeq + i) & 0xFFFF;
            if (symbols[i] == 1) {
                if (pos >= end) {
                    return null;
                }
                deltas[i] = u8(buf, pos++) * TICK_MICROS;
                received[i] = true;
            } else if (symbols[i] == 2) {
                if (end - pos < 2) {
                    return null;
                }
                deltas[i] = (short) u16(buf, pos) * TICK_MICROS;
                pos += 2;
                received[i] = true;
            }
        }
        return new TransportCcFeedback(u32(buf, p + 4), u32(buf, p + 8), baseSeq, s24(buf, p + 16),
                u8(buf, p + 19), sequenceNumbers, received, deltas);
    }

    /**
     * Encodes {@code count} entries (received flag and delta in 250 µs ticks) at {@code out[off]}.
     *
     * @return bytes written (a multiple of 4), or -1 if there is no room, {@code count} is not 1..65535 or a delta
     *     does not fit 16 signed bits
     */
    static int write(byte[] out, int off, long senderSsrc, long mediaSsrc, int baseSeq, int referenceTime,
            int feedbackPacketCount, boolean[] received, int[] deltaTicks, int count) {
        if (count < 1 || count > 0xFFFF || count > received.length || count > deltaTicks.length) {
            return -1;
        }
        int deltaBytes = 0;
        for (int i = 0; i < count; i++) {
            if (received[i]) {
                int d = deltaTicks[i];
                if (d < Short.MIN_VALUE || d > Short.MAX_VALUE) {
                    return -1;
                }
                deltaBytes += d >= 0 && d <= 0xFF ? 1 : 2;
            }
        }
        int unpadded = HEADER_LENGTH + 2 * encodeChunks(received, deltaTicks, count, null, 0) + deltaBytes;
        int length = (unpadded + 3) & ~3;
        if (out == null || off < 0 || off > out.length - length) {
            return -1;
        }
        out[off] = (byte) (0x80 | 15);
        out[off + 1] = (byte) RtcpPacket.RTPFB;
        put16(out, off + 2, length / 4 - 1);
        put32(out, off + 4, senderSsrc);
        put32(out, off + 8, mediaSsrc);
        put16(out, off + 12, baseSeq);
        put16(out, off + 14, count);
        put24(out, off + 16, referenceTime);
        out[off + 19] = (byte) feedbackPacketCount;
        int pos = off + HEADER_LENGTH + 2 * encodeChunks(received, deltaTicks, count, out, off + HEADER_LENGTH);
        for (int i = 0; i < count; i++) {
            if (received[i]) {
                int d = deltaTicks[i];
                if (d >= 0 && d <= 0xFF) {
                    out[pos++] = (byte) d;
                } else {
                    put16(out, pos, d);
                    pos += 2;
                }
            }
        }
        while (pos < off + length) {
            out[pos++] = 0;
        }
        return length;
    }

    /**
     * Greedy chunking: at each position takes whichever chunk covers the most symbols (a run of equal symbols, 14
     * one-bit symbols when no large delta is among them, or 7 two-bit symbols), so a chunk never covers fewer than
     * min(7, remaining) symbols. Writes the chunks if {@code out} is not null; returns how many there are.
     */
    private static int encodeChunks(boolean[] received, int[] deltaTicks, int count, byte[] out, int at) {
        int chunks = 0;
        int i = 0;
        while (i < count) {
            int first = symbol(received, deltaTicks, i);
            int run = 1;
            while (i + run < count && run < MAX_RUN && symbol(received, deltaTicks, i + run) == first) {
                run++;
            }
            int remaining = count - i;
            int oneBit = Math.min(14, remaining);
            boolean oneBitFits = true;
            for (int k = 0; k < oneBit && oneBitFits; k++) {
                oneBitFits = symbol(received, deltaTicks, i + k) <= 1;
            }
            int twoBit = Math.min(7, remaining);
            int chunk;
            if (run >= (oneBitFits ? oneBit : twoBit)) {
                chunk = (first << 13) | run;
                i += run;
            } else if (oneBitFits) {
                chunk = 0x8000;
                for (int k = 0; k < oneBit; k++) {
                    chunk |= symbol(received, deltaTicks, i + k) << (13 - k);
                }
                i += oneBit;
            } else {
                chunk = 0xC000;
                for (int k = 0; k < twoBit; k++) {
                    chunk |= symbol(received, deltaTicks, i + k) << (12 - 2 * k);
                }
                i += twoBit;
            }
            if (out != null) {
                put16(out, at + 2 * chunks, chunk);
            }
            chunks++;
        }
        return chunks;
    }

    private static int symbol(boolean[] received, int[] deltaTicks, int i) {
        if (!received[i]) {
            return 0;
        }
        int d = deltaTicks[i];
        return d >= 0 && d <= 0xFF ? 1 : 2;
    }
}
