package sabaq.media.room;

import sabaq.common.media.TrackKind;
import sabaq.media.forward.StreamRewriter;
import sabaq.media.rtp.RtpHeaderExtensions;
import sabaq.media.rtp.RedPayload;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.rtp.Vp8PayloadDescriptor;
import sabaq.media.sdp.NegotiatedMedia;
import sabaq.media.transport.PacketRouter;

/**
 * Builds the packet a subscriber receives from a publisher's packet: a fresh RTP header (the consumer's SSRC,
 * payload type, rewritten sequence number and timestamp) with only the header extensions the subscriber negotiated
 * and we fill in (transport-wide sequence number, RFC 6464 audio level), then the payload with the VP8 picture id
 * and TL0PICIDX rewritten. RTX retransmissions (RFC 4588) put the original sequence number in front of the payload.
 * One reused buffer with room for the SRTP tag, shared by every consumer on the media thread.
 */
final class OutboundPacketWriter {
    private final byte[] out = new byte[PacketRouter.MAX_DATAGRAM + PacketRouter.SPARE];

    byte[] buffer() {
        return out;
    }

    /** Live forwarding. Returns the packet length, or -1 if it does not fit. */
    int write(Consumer c, byte[] in, int off, int len, int outSeq, long outTs, StreamRewriter rw) {
        int redIn = c.producer().media().redPayloadType();
        if (redIn >= 0 && RtpPacket.payloadType(in, off, len) == redIn) return writeRed(c, in, off, len, outSeq, outTs);
        int pos = writeHeader(c, in, off, len, c.media().payloadType(), outSeq, outTs, c.ssrc());
        if (pos < 0) return -1;
        return writePayload(c, in, off, len, pos, false, 0, rw, 0, 0);
    }

    /**
     * A RED audio packet (RFC 2198): as is, with the subscriber's payload types, when the subscriber negotiated RED;
     * otherwise only its primary Opus block.
     */
    private int writeRed(Consumer c, byte[] in, int off, int len, int outSeq, long outTs) {
        NegotiatedMedia m = c.media();
        int header = RtpPacket.headerLength(in, off, len);
        int payloadLen = RtpPacket.payloadLength(in, off, len);
        if (header < 0 || payloadLen <= 0) return -1;
        int payloadOff = off + header;
        if (m.redPayloadType() >= 0) {
            int pos = writeHeader(c, in, off, len, m.redPayloadType(), outSeq, outTs, c.ssrc());
            if (pos + payloadLen > PacketRouter.MAX_DATAGRAM) return -1;
            System.arraycopy(in, payloadOff, out, pos, payloadLen);
            int opusIn = c.producer().media().payloadType();
            if (opusIn != m.payloadType()) RedPayload.rewriteBlockPayloadType(out, pos, payloadLen, opusIn, m.payloadType());
            return pos + payloadLen;
        }
        long primary = RedPayload.primary(in, payloadOff, payloadLen);
        if (primary < 0) return -1;
        int pos = writeHeader(c, in, off, len, m.payloadType(), outSeq, outTs, c.ssrc());
        int n = (int) (primary & 0xFFFF);
        if (pos + n > PacketRouter.MAX_DATAGRAM) return -1;
        System.arraycopy(in, (int) (primary >>> 16), out, pos, n);
        return pos + n;
    }

    /** A NACKed packet rebuilt from the cache with the offsets that were in force when it was first sent. */
    int writeRetransmission(Consumer c, byte[] in, int off, int len, int outSeq, long outTs,
                            int pictureIdOffset, int tl0Offset, boolean rtx, int rtxSeq) {
        NegotiatedMedia m = c.media();
        int pos = rtx
                ? writeHeader(c, in, off, len, m.rtxPayloadType(), rtxSeq, outTs, c.rtxSsrc())
                : writeHeader(c, in, off, len, m.payloadType(), outSeq, outTs, c.ssrc());
        if (pos < 0) return -1;
        return writePayload(c, in, off, len, pos, rtx, outSeq, null, pictureIdOffset, tl0Offset);
    }

    private int writeHeader(Consumer c, byte[] in, int off, int len, int pt, int seq, long ts, long ssrc) {
        NegotiatedMedia m = c.media();
        int tccId = m.extensions().transportCc();
        int levelInId = c.producer().media().extensions().audioLevel();
        int levelOutId = m.extensions().audioLevel();
        int levelFound = levelInId > 0 && levelOutId > 0 ? RtpHeaderExtensions.find(in, off, len, levelInId) : -1;
        int levelPos = levelFound >= 0 && RtpHeaderExtensions.valueLength(levelFound) >= 1
                ? RtpHeaderExtensions.valueOffset(off, levelFound) : -1;
        boolean ext = tccId > 0 || levelPos >= 0;
        out[0] = (byte) (0x80 | (ext ? 0x10 : 0));
        out[1] = (byte) ((RtpPacket.marker(in, off, len) ? 0x80 : 0) | (pt & 0x7F));
        out[2] = (byte) (seq >>> 8);
        out[3] = (byte) seq;
        putInt(4, ts);
        putInt(8, ssrc);
        int pos = 12;
        if (ext) {
            int start = pos;
            out[pos] = (byte) 0xBE;
            out[pos + 1] = (byte) 0xDE;
            pos += 4;
            if (tccId > 0) {
                int tseq = c.subscriber().nextTransportSeq();
                out[pos++] = (byte) ((tccId << 4) | 1);
                out[pos++] = (byte) (tseq >>> 8);
                out[pos++] = (byte) tseq;
            }
            if (levelPos >= 0) {
                out[pos++] = (byte) (levelOutId << 4);
                out[pos++] = in[levelPos];
            }
            while (((pos - start) & 3) != 0) out[pos++] = 0;
            int words = (pos - start - 4) / 4;
            out[start + 2] = (byte) (words >>> 8);
            out[start + 3] = (byte) words;
        }
        return pos;
    }

    private int writePayload(Consumer c, byte[] in, int off, int len, int pos, boolean rtx, int osn,
                             StreamRewriter rw, int pictureIdOffset, int tl0Offset) {
        int inHeader = RtpPacket.headerLength(in, off, len);
        int payloadLen = RtpPacket.payloadLength(in, off, len);
        boolean padding = RtpPacket.hasPadding(in, off, len);
        // Copy the payload; keep padding on live packets (P bit stays meaningful), drop it on RTX.
        int copyLen = rtx ? payloadLen : len - inHeader;
        int total = pos + (rtx ? 2 : 0) + copyLen;
        if (total > PacketRouter.MAX_DATAGRAM) return -1;
        if (rtx) {
            out[pos++] = (byte) (osn >>> 8);
            out[pos++] = (byte) osn;
        } else if (padding) {
            out[0] |= 0x20;
        }
        int payloadPos = pos;
        System.arraycopy(in, off + inHeader, out, pos, copyLen);
        if (c.producer().kind() == TrackKind.VIDEO && payloadLen > 0) {
            int pic = Vp8PayloadDescriptor.pictureId(out, payloadPos, payloadLen);
            if (pic >= 0) {
                int mapped = rw != null ? rw.mapPictureId(pic, 15) : (pic + pictureIdOffset) & 0x7FFF;
                Vp8PayloadDescriptor.setPictureId(out, payloadPos, payloadLen, mapped);
            }
            int tl0 = Vp8PayloadDescriptor.tl0PicIdx(out, payloadPos, payloadLen);
            if (tl0 >= 0) {
                int mapped = rw != null ? rw.mapTl0PicIdx(tl0) : (tl0 + tl0Offset) & 0xFF;
                Vp8PayloadDescriptor.setTl0PicIdx(out, payloadPos, payloadLen, mapped);
            }
        }
        return total;
    }

    private void putInt(int pos, long v) {
        out[pos] = (byte) (v >>> 24);
        out[pos + 1] = (byte) (v >>> 16);
        out[pos + 2] = (byte) (v >>> 8);
        out[pos + 3] = (byte) v;
    }
}
