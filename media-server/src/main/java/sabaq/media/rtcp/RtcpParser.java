package sabaq.media.rtcp;

import static sabaq.media.rtp.BigEndian.s24;
import static sabaq.media.rtp.BigEndian.u16;
import static sabaq.media.rtp.BigEndian.u32;
import static sabaq.media.rtp.BigEndian.u8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes compound RTCP packets (RFC 3550 section 6.1) into {@link RtcpPacket}s.
 *
 * <p>Reduced-size RTCP (RFC 5506) is accepted: the compound may start with any packet type and may hold a single
 * packet. Each packet must have version 2 and a length that fits the slice; if its P bit is set, the last byte is a
 * padding count (at least 1, within the packet) and the padding is ignored. A packet whose body is shorter than its
 * type requires makes the whole compound malformed. Types and feedback formats we do not decode become
 * {@link UnknownRtcp}. {@link #parseCompound} never throws: malformed input gives null.
 */
public final class RtcpParser {
    private static final int HEADER = 4;
    private static final int FEEDBACK_HEADER = 12;
    private static final int REPORT_BLOCK = 24;
    private static final int REMB_ID = ('R' << 24) | ('E' << 16) | ('M' << 8) | 'B';

    private RtcpParser() {
    }

    /**
     * Parses every packet of the compound in {@code buf[off .. off+len)}.
     *
     * @return the packets in order (a FIR packet gives one record per FCI entry), or null if the slice is out of
     *     bounds, empty, or any packet is malformed
     */
    public static List<RtcpPacket> parseCompound(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < HEADER || off > buf.length - len) {
            return null;
        }
        List<RtcpPacket> packets = new ArrayList<>(4);
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (end - pos < HEADER || (buf[pos] & 0xC0) != 0x80) {
                return null;
            }
            int packetLength = (u16(buf, pos + 2) + 1) * 4;
            if (packetLength > end - pos) {
                return null;
            }
            int contentLength = packetLength;
            if ((buf[pos] & 0x20) != 0) {
                int padding = u8(buf, pos + packetLength - 1);
                if (padding == 0 || padding > packetLength - HEADER) {
                    return null;
                }
                contentLength -= padding;
            }
            if (!parsePacket(buf, pos, contentLength, packets)) {
                return null;
            }
            pos += packetLength;
        }
        return packets;
    }

    private static boolean parsePacket(byte[] buf, int p, int n, List<RtcpPacket> out) {
        int count = buf[p] & 0x1F;
        int type = u8(buf, p + 1);
        RtcpPacket packet;
        switch (type) {
            case RtcpPacket.SR:
                packet = senderReport(buf, p, n, count);
                break;
            case RtcpPacket.RR:
                packet = receiverReport(buf, p, n, count);
                break;
            case RtcpPacket.SDES:
                packet = sourceDescription(buf, p, n, count);
                break;
            case RtcpPacket.BYE:
                packet = bye(buf, p, n, count);
                break;
            case RtcpPacket.RTPFB:
                packet = transportFeedback(buf, p, n, count);
                break;
            case RtcpPacket.PSFB:
                if (count == 4) {
                    return fullIntraRequests(buf, p, n, out);
                }
                packet = payloadFeedback(buf, p, n, count);
                break;
            default:
                packet = unknown(buf, p, n, type, count);
                break;
        }
        if (packet == null) {
            return false;
        }
        out.add(packet);
        return true;
    }

    private static SenderReport senderReport(byte[] buf, int p, int n, int count) {
        if (n < 28 + REPORT_BLOCK * count) {
            return null;
        }
        return new SenderReport(u32(buf, p + 4), u32(buf, p + 8), u32(buf, p + 12), u32(buf, p + 16),
                u32(buf, p + 20), u32(buf, p + 24), reportBlocks(buf, p + 28, count));
    }

    private static ReceiverReport receiverReport(byte[] buf, int p, int n, int count) {
        if (n < 8 + REPORT_BLOCK * count) {
            return null;
        }
        return new ReceiverReport(u32(buf, p + 4), reportBlocks(buf, p + 8, count));
    }

    private static List<ReportBlock> reportBlocks(byte[] buf, int at, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++, at += REPORT_BLOCK) {
            blocks.add(new ReportBlock(u32(buf, at), u8(buf, at + 4), s24(buf, at + 5), u32(buf, at + 8),
                    u32(buf, at + 12), u32(buf, at + 16), u32(buf, at + 20)));
        }
        return blocks;
    }

    private static SourceDescription sourceDescription(byte[] buf, int p, int n, int count) {
        List<SdesChunk> chunks = new ArrayList<>(count);
        int pos = p + HEADER;
        int end = p + n;
        for (int i = 0; i < count; i++) {
            if (end - pos < 4) {
                return null;
            }
            long ssrc = u32(buf, pos);
            pos += 4;
            String cname = null;
            while (true) {
                if (pos >= end) {
                    return null;
                }
                int itemType = u8(buf, pos);
                if (itemType == 0) {
                    pos = p + ((pos + 1 - p + 3) & ~3);
                    break;
                }
                if (end - pos < 2 || u8(buf, pos + 1) > end - pos - 2) {
                    return null;
                }
                int itemLength = u8(buf, pos + 1);
                if (itemType == 1 && cname == null) {
                    cname = new String(buf, pos + 2, itemLength, StandardCharsets.UTF_8);
                }
                pos += 2 + itemLength;
            }
            if (pos > end) {
                return null;
            }
            chunks.add(new SdesChunk(ssrc, cname));
        }
        return new SourceDescription(chunks);
    }

    private static Bye bye(byte[] buf, int p, int n, int count) {
        int reasonAt = HEADER + 4 * count;
        if (n < reasonAt) {
            return null;
        }
        long[] ssrcs = new long[count];
        for (int i = 0; i < count; i++) {
            ssrcs[i] = u32(buf, p + HEADER + 4 * i);
        }
        String reason = null;
        if (n > reasonAt) {
            int reasonLength = u8(buf, p + reasonAt);
            if (reasonLength > n - reasonAt - 1) {
                return null;
            }
            reason = new String(buf, p + reasonAt + 1, reasonLength, StandardCharsets.UTF_8);
        }
        return new Bye(ssrcs, reason);
    }

    private static RtcpPacket transportFeedback(byte[] buf, int p, int n, int format) {
        if (n < FEEDBACK_HEADER) {
            return null;
        }
        if (format == 1) {
            return genericNack(buf, p, n);
        }
        if (format == 15) {
            return TransportCcCodec.parse(buf, p, n);
        }
        return unknown(buf, p, n, RtcpPacket.RTPFB, format);
    }

    private static GenericNack genericNack(byte[] buf, int p, int n) {
        int fciLength = n - FEEDBACK_HEADER;
        if ((fciLength & 3) != 0) {
            return null;
        }
        int entries = fciLength / 4;
        int lostCount = 0;
        for (int i = 0; i < entries; i++) {
            lostCount += 1 + Integer.bitCount(u16(buf, p + FEEDBACK_HEADER + 4 * i + 2));
        }
        int[] lost = new int[lostCount];
        int k = 0;
        for (int i = 0; i < entries; i++) {
            int at = p + FEEDBACK_HEADER + 4 * i;
            int pid = u16(buf, at);
            int blp = u16(buf, at + 2);
            lost[k++] = pid;
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & (1 << bit)) != 0) {
                    lost[k++] = (pid + bit + 1) & 0xFFFF;
                }
            }
        }
        return new GenericNack(u32(buf, p + 4), u32(buf, p + 8), lost);
    }

    private static RtcpPacket payloadFeedback(byte[] buf, int p, int n, int format) {
        if (n < FEEDBACK_HEADER) {
            return null;
        }
        if (format == 1) {
            return new PictureLossIndication(u32(buf, p + 4), u32(buf, p + 8));
        }
        if (format == 15 && n >= FEEDBACK_HEADER + 8 && (int) u32(buf, p + FEEDBACK_HEADER) == REMB_ID) {
            return remb(buf, p, n);
        }
        return unknown(buf, p, n, RtcpPacket.PSFB, format);
    }

    private static boolean fullIntraRequests(byte[] buf, int p, int n, List<RtcpPacket> out) {
        int fciLength = n - FEEDBACK_HEADER;
        if (fciLength <= 0 || fciLength % 8 != 0) {
            return false;
        }
        long sender = u32(buf, p + 4);
        for (int at = p + FEEDBACK_HEADER; at < p + n; at += 8) {
            out.add(new FullIntraRequest(sender, u32(buf, at), u8(buf, at + 4)));
        }
        return true;
    }

    private static Remb remb(byte[] buf, int p, int n) {
        int at = p + FEEDBACK_HEADER + 4;
        int ssrcCount = u8(buf, at);
        if (n < FEEDBACK_HEADER + 8 + 4 * ssrcCount) {
            return null;
        }
        int exponent = u8(buf, at + 1) >>> 2;
        long mantissa = ((buf[at + 1] & 0x03L) << 16) | u16(buf, at + 2);
        long[] ssrcs = new long[ssrcCount];
        for (int i = 0; i < ssrcCount; i++) {
            ssrcs[i] = u32(buf, at + 4 + 4 * i);
        }
        return new Remb(u32(buf, p + 4), RembBitrate.decode(mantissa, exponent), ssrcs);
    }

    private static UnknownRtcp unknown(byte[] buf, int p, int n, int type, int count) {
        byte[] data = new byte[n];
        System.arraycopy(buf, p, data, 0, n);
        return new UnknownRtcp(type, count, data);
    }
}
