package sabaq.recorder.media;

/**
 * Reads the table-of-contents byte of an Opus packet (RFC 6716 section 3.1) to learn how many 48 kHz samples it
 * decodes to: the configuration number gives the frame duration (SILK 10/20/40/60 ms, hybrid 10/20 ms, CELT
 * 2.5/5/10/20 ms) and the code gives the frame count (1, 2, 2, or the count in the second byte for code 3).
 */
public final class OpusPacket {
    /** RFC 6716 section 3.2.5: a packet holds at most 120 ms. */
    public static final int MAX_SAMPLES = 5760;
    private static final int[] SILK = {480, 960, 1920, 2880};
    private static final int[] HYBRID = {480, 960};
    private static final int[] CELT = {120, 240, 480, 960};

    private OpusPacket() {
    }

    /** Samples at 48 kHz, or -1 for an empty or invalid packet. Never throws. */
    public static int samples(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 1 || off > buf.length - len) return -1;
        int toc = buf[off] & 0xFF;
        int config = toc >> 3;
        int frameSamples;
        if (config < 12) {
            frameSamples = SILK[config & 3];
        } else if (config < 16) {
            frameSamples = HYBRID[config & 1];
        } else {
            frameSamples = CELT[config & 3];
        }
        int frames;
        switch (toc & 3) {
            case 0:
                frames = 1;
                break;
            case 1:
            case 2:
                frames = 2;
                break;
            default:
                if (len < 2) return -1;
                frames = buf[off + 1] & 0x3F;
                if (frames == 0) return -1;
        }
        int total = frames * frameSamples;
        return total > MAX_SAMPLES ? -1 : total;
    }
}
