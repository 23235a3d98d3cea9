package sabaq.recorder.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Opus packets as an Ogg Opus stream (RFC 7845 over the Ogg framing of RFC 3533), which FFmpeg reads as
 * {@code -f ogg}: an {@code OpusHead} page (beginning of stream, 2 channels, pre-skip 0, 48 kHz), an
 * {@code OpusTags} page, then one page per packet whose granule position is the sample count at the packet's end,
 * taken from the RTP timestamps (48 kHz), so gaps in the lesson stay gaps. Page checksums are the Ogg CRC-32
 * (polynomial 0x04c11db7, unreflected, initial value 0).
 */
public final class OggOpusWriter {
    private static final int[] CRC = crcTable();

    private final OutputStream out;
    private final int serial;
    private int pageSequence;
    private boolean headerWritten;
    private long base;

    public OggOpusWriter(OutputStream out, int serial) {
        this.out = out;
        this.serial = serial;
    }

    public void write(MediaFrame f) throws IOException {
        if (!headerWritten) {
            writeHeaders();
            base = f.timestamp();
            headerWritten = true;
        }
        long granule = f.timestamp() - base + f.samples();
        page(f.data(), granule, 0);
    }

    private void writeHeaders() throws IOException {
        byte[] head = new byte[19];
        System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, head, 0, 8);
        head[8] = 1;
        head[9] = 2;
        IvfWriter.putLe(head, 10, 0, 2);
        IvfWriter.putLe(head, 12, 48_000, 4);
        IvfWriter.putLe(head, 16, 0, 2);
        head[18] = 0;
        page(head, 0, 0x02);
        byte[] vendor = "sabaq".getBytes(StandardCharsets.US_ASCII);
        byte[] tags = new byte[8 + 4 + vendor.length + 4];
        System.arraycopy("OpusTags".getBytes(StandardCharsets.US_ASCII), 0, tags, 0, 8);
        IvfWriter.putLe(tags, 8, vendor.length, 4);
        System.arraycopy(vendor, 0, tags, 12, vendor.length);
        page(tags, 0, 0);
    }

    /** One page holding exactly one packet. */
    private void page(byte[] packet, long granule, int flags) throws IOException {
        int lacing = packet.length / 255 + 1;
        if (lacing > 255) throw new IllegalArgumentException("packet too large for one Ogg page: " + packet.length);
        byte[] p = new byte[27 + lacing + packet.length];
        p[0] = 'O';
        p[1] = 'g';
        p[2] = 'g';
        p[3] = 'S';
        p[4] = 0;
        p[5] = (byte) flags;
        IvfWriter.putLe(p, 6, granule, 8);
        IvfWriter.putLe(p, 14, serial, 4);
        IvfWriter.putLe(p, 18, pageSequence++, 4);
        p[26] = (byte) lacing;
        int rest = packet.length;
        for (int i = 0; i < lacing; i++) {
            int v = Math.min(255, rest);
            p[27 + i] = (byte) v;
            rest -= v;
        }
        System.arraycopy(packet, 0, p, 27 + lacing, packet.length);
        IvfWriter.putLe(p, 22, crc(p), 4);
        out.write(p);
    }

    static int crc(byte[] data) {
        int crc = 0;
        for (byte b : data) crc = (crc << 8) ^ CRC[((crc >>> 24) ^ b) & 0xFF];
        return crc;
    }

    private static int[] crcTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
            t[i] = r;
        }
        return t;
    }
}
