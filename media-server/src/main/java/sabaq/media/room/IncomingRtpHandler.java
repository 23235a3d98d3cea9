package sabaq.media.room;

import sabaq.media.rtp.RtpHeaderExtensions;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.transport.MediaCounters;
import sabaq.media.transport.MediaCounters.Counter;


/**
 * First stop of a publisher's decrypted RTP: finds the stream by SSRC, learning unknown SSRCs from the
 * sdes:mid / rtp-stream-id / repaired-rtp-stream-id header extensions (RFC 8843, RFC 8852: Chrome's simulcast
 * offers carry no a=ssrc), records the transport-wide sequence number for feedback, turns RTX packets (RFC 4588)
 * back into the original, and hands the packet to its producer. Never throws; drops are counted.
 */
final class IncomingRtpHandler {
    private final Peer peer;
    private final MediaCounters counters;

    IncomingRtpHandler(Peer peer, MediaCounters counters) {
        this.peer = peer;
        this.counters = counters;
    }

    void onRtp(byte[] buf, int off, int len, long nowNanos) {
        long ssrc = RtpPacket.ssrc(buf, off, len);
        IncomingStream s = peer.streamsBySsrc.get(ssrc);
        if (s == null) {
            s = learn(buf, off, len, ssrc);
            if (s == null) {
                counters.increment(Counter.DROP_RTP_UNKNOWN_SSRC);
                return;
            }
        }
        int tccId = s.producer().media().extensions().transportCc();
        if (tccId > 0) {
            int tseq = RtpHeaderExtensions.transportCcSeq(buf, off, len, tccId);
            if (tseq >= 0) peer.onTransportSeq(tseq, nowNanos);
        }
        if (ssrc == s.rtxSsrc()) {
            len = unwrapRtx(s, buf, off, len);
            if (len < 0) return;
        }
        s.producer().onRtp(s, buf, off, len, nowNanos);
    }

    private IncomingStream learn(byte[] buf, int off, int len, long ssrc) {
        Producer p = null;
        for (Producer candidate : peer.producersByMid.values()) {
            String mid = readString(buf, off, len, candidate.media().extensions().mid());
            if (mid != null) {
                p = peer.producersByMid.get(mid);
                break;
            }
        }
        if (p == null) p = byPayloadType(RtpPacket.payloadType(buf, off, len));
        if (p == null) return null;
        int pt = RtpPacket.payloadType(buf, off, len);
        String rid = readString(buf, off, len, p.media().extensions().rid());
        if (rid != null) {
            IncomingStream s = p.layerByRid(rid);
            if (s != null) peer.mapSsrc(ssrc, s, false);
            return s;
        }
        String rrid = readString(buf, off, len, p.media().extensions().repairedRid());
        if (rrid != null) {
            IncomingStream s = p.layerByRid(rrid);
            if (s != null) peer.mapSsrc(ssrc, s, true);
            return s;
        }
        if (p.layerCount() == 1) {
            IncomingStream s = p.layer(0);
            boolean rtx = pt == p.media().rtxPayloadType();
            if (rtx ? s.rtxSsrc() < 0 : s.ssrc() < 0) {
                peer.mapSsrc(ssrc, s, rtx);
                return s;
            }
        }
        return null;
    }

    /** The only producer whose payload type matches, when mids are not sent; null when ambiguous. */
    private Producer byPayloadType(int pt) {
        Producer found = null;
        for (Producer p : peer.producersByMid.values()) {
            if (p.media().payloadType() == pt || p.media().rtxPayloadType() == pt || p.media().redPayloadType() == pt) {
                if (found != null) return null;
                found = p;
            }
        }
        return found;
    }

    private static String readString(byte[] buf, int off, int len, int id) {
        if (id <= 0) return null;
        String v = RtpHeaderExtensions.stringValue(buf, off, len, id);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Rewrites an RTX packet in place into the packet it repairs; returns its length, or -1 for padding-only. */
    private int unwrapRtx(IncomingStream s, byte[] buf, int off, int len) {
        int header = RtpPacket.headerLength(buf, off, len);
        int payload = RtpPacket.payloadLength(buf, off, len);
        if (header < 0 || payload < 2 || s.ssrc() < 0) return -1;
        int osn = ((buf[off + header] & 0xFF) << 8) | (buf[off + header + 1] & 0xFF);
        System.arraycopy(buf, off + header + 2, buf, off + header, payload - 2);
        buf[off] &= (byte) ~0x20;
        int newLen = header + payload - 2;
        RtpPacket.setSequenceNumber(buf, off, newLen, osn);
        RtpPacket.setSsrc(buf, off, newLen, s.ssrc());
        RtpPacket.setPayloadType(buf, off, newLen, s.producer().media().payloadType());
        return newLen;
    }
}
