package sabaq.recorder.testing;

import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.media.RtpPacketView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits VP8 frames into RTP payloads as a browser does (RFC 7741): a 4-byte payload descriptor with a 15-bit
 * picture id, S=1 on the first packet of a frame, the marker bit on the last.
 */
public final class Vp8Packetizer {
    private final int maxPayload;
    private long seq = 65_000;
    private int pictureId;

    public Vp8Packetizer(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    public List<RtpPacketView> packetize(MediaFrame f, long arrivalNanos) {
        List<RtpPacketView> out = new ArrayList<>();
        byte[] d = f.data();
        for (int off = 0; off < d.length; off += maxPayload) {
            int n = Math.min(maxPayload, d.length - off);
            byte[] p = new byte[4 + n];
            p[0] = (byte) (0x80 | (off == 0 ? 0x10 : 0));
            p[1] = (byte) 0x80;
            p[2] = (byte) (0x80 | (pictureId >> 8));
            p[3] = (byte) pictureId;
            System.arraycopy(d, off, p, 4, n);
            out.add(new RtpPacketView(seq++, f.timestamp(), off + n >= d.length, p, arrivalNanos));
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return out;
    }

    /** The frames' bytes, for comparisons. */
    public static List<byte[]> bytes(List<MediaFrame> frames) {
        List<byte[]> out = new ArrayList<>();
        for (MediaFrame f : frames) out.add(Arrays.copyOf(f.data(), f.data().length));
        return out;
    }
}
