package sabaq.recorder.media;

import sabaq.media.rtp.Vp8PayloadDescriptor;

import java.io.ByteArrayOutputStream;

/**
 * Rebuilds VP8 frames from in-order RTP payloads (RFC 7741 section 4): a frame starts with a packet whose payload
 * descriptor has S=1 and partition index 0 and ends with the RTP marker bit; all its packets share one timestamp.
 * The VP8 payload header (RFC 6386 section 9.1) says whether it is a key frame (P bit 0) and a key frame carries the
 * start code {@code 9d 01 2a} and the 14-bit width and height.
 *
 * <p>A loss, a packet without a usable descriptor or a frame whose end never came breaks the decoding chain: every
 * following delta frame is dropped until the next key frame, and {@link Listener#keyframeNeeded} asks for one (PLI,
 * RFC 4585 section 6.3.1). Nothing is emitted before the first key frame. Never throws on malformed payloads. Not
 * thread safe.
 */
public final class Vp8FrameBuilder implements ReorderBuffer.Sink {
    /** A frame larger than this is refused (a 4K key frame is well under 2 MB). */
    static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

    /** Receives complete frames and requests for a key frame. */
    public interface Listener {
        void onFrame(MediaFrame frame);

        void keyframeNeeded();
    }

    private final Listener listener;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(16 * 1024);
    private boolean inFrame;
    private long frameTimestamp;
    private boolean waitingForKeyframe = true;
    private long framesDropped;
    private long keyframes;

    public Vp8FrameBuilder(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void onPacket(RtpPacketView p) {
        byte[] b = p.payload();
        int d = Vp8PayloadDescriptor.descriptorLength(b, 0, b.length);
        if (d < 0 || d > b.length) {
            breakChain();
            return;
        }
        boolean start = Vp8PayloadDescriptor.startOfFrame(b, 0, b.length);
        if (start) {
            if (inFrame) breakChain();
            inFrame = true;
            frameTimestamp = p.timestamp();
            frame.reset();
        } else if (!inFrame || p.timestamp() != frameTimestamp) {
            breakChain();
            return;
        }
        if (frame.size() + (b.length - d) > MAX_FRAME_BYTES) {
            breakChain();
            return;
        }
        frame.write(b, d, b.length - d);
        if (p.marker()) finishFrame();
    }

    @Override
    public void onLoss(long count) {
        breakChain();
    }

    private void finishFrame() {
        inFrame = false;
        byte[] data = frame.toByteArray();
        if (data.length < 3) {
            breakChain();
            return;
        }
        boolean key = (data[0] & 0x01) == 0;
        if (!key && waitingForKeyframe) {
            framesDropped++;
            listener.keyframeNeeded();
            return;
        }
        int width = 0;
        int height = 0;
        if (key) {
            if (data.length < 10 || (data[3] & 0xFF) != 0x9d || (data[4] & 0xFF) != 0x01 || (data[5] & 0xFF) != 0x2a) {
                breakChain();
                return;
            }
            width = ((data[6] & 0xFF) | (data[7] & 0xFF) << 8) & 0x3FFF;
            height = ((data[8] & 0xFF) | (data[9] & 0xFF) << 8) & 0x3FFF;
            if (width == 0 || height == 0) {
                breakChain();
                return;
            }
            waitingForKeyframe = false;
            keyframes++;
        }
        listener.onFrame(new MediaFrame(frameTimestamp, key, data, width, height, 0));
    }

    /** Drops the frame in progress and waits for a key frame. */
    private void breakChain() {
        if (inFrame) framesDropped++;
        inFrame = false;
        frame.reset();
        if (!waitingForKeyframe) {
            waitingForKeyframe = true;
        }
        listener.keyframeNeeded();
    }

    /** Makes the next emitted frame a key frame (a new output file starts). */
    public void requireKeyframe() {
        waitingForKeyframe = true;
    }

    public boolean waitingForKeyframe() {
        return waitingForKeyframe;
    }

    public long framesDropped() {
        return framesDropped;
    }

    public long keyframes() {
        return keyframes;
    }
}
