package sabaq.recorder.media;

import java.util.function.Consumer;

/**
 * Turns in-order Opus RTP payloads (RFC 7587: one Opus packet per RTP packet, 48 kHz timestamps) into frames with
 * their sample counts. Losses need no special handling (the timestamps of the next packet leave the gap); packets
 * that are not valid Opus (empty, bad TOC) are dropped and counted. Not thread safe.
 */
public final class OpusFrameBuilder implements ReorderBuffer.Sink {
    private final Consumer<MediaFrame> out;
    private long invalid;

    public OpusFrameBuilder(Consumer<MediaFrame> out) {
        this.out = out;
    }

    @Override
    public void onPacket(RtpPacketView p) {
        byte[] b = p.payload();
        int samples = OpusPacket.samples(b, 0, b.length);
        if (samples <= 0) {
            invalid++;
            return;
        }
        out.accept(new MediaFrame(p.timestamp(), true, b, 0, 0, samples));
    }

    @Override
    public void onLoss(long count) {
        // The next packet's timestamp leaves the gap; Opus decoders conceal it.
    }

    public long invalidPackets() {
        return invalid;
    }
}
