package sabaq.recorder.media;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes VP8 frames as an IVF stream (the libvpx container FFmpeg reads as {@code -f ivf}): a 32-byte file header
 * ({@code DKIF}, version 0, header size, FourCC {@code VP80}, width, height, time base 1/90000, frame count, unused)
 * then per frame a 12-byte header (frame size, 64-bit presentation time) and the frame. All fields little endian.
 * Times are RTP timestamps (90 kHz) relative to the first frame, so gaps in the lesson stay gaps in the file.
 */
public final class IvfWriter {
    public static final int RATE = 90_000;

    private final OutputStream out;
    private boolean headerWritten;
    private long base;

    public IvfWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one frame; the first must be a key frame (its size goes into the file header). */
    public void write(MediaFrame f) throws IOException {
        if (!headerWritten) {
            if (!f.keyframe()) throw new IllegalArgumentException("an IVF stream must start with a key frame");
            out.write(fileHeader(f.width(), f.height()));
            base = f.timestamp();
            headerWritten = true;
        }
        byte[] h = new byte[12];
        putLe(h, 0, f.data().length, 4);
        putLe(h, 4, f.timestamp() - base, 8);
        out.write(h);
        out.write(f.data());
    }

    /** The pts (90 kHz units from the start) the frame would get. */
    public long ptsOf(MediaFrame f) {
        return headerWritten ? f.timestamp() - base : 0;
    }

    static byte[] fileHeader(int width, int height) {
        byte[] h = new byte[32];
        h[0] = 'D';
        h[1] = 'K';
        h[2] = 'I';
        h[3] = 'F';
        putLe(h, 4, 0, 2);
        putLe(h, 6, 32, 2);
        h[8] = 'V';
        h[9] = 'P';
        h[10] = '8';
        h[11] = '0';
        putLe(h, 12, width, 2);
        putLe(h, 14, height, 2);
        putLe(h, 16, RATE, 4);
        putLe(h, 20, 1, 4);
        putLe(h, 24, 0, 4);
        return h;
    }

    static void putLe(byte[] b, int at, long v, int bytes) {
        for (int i = 0; i < bytes; i++) b[at + i] = (byte) (v >>> (8 * i));
    }
}
