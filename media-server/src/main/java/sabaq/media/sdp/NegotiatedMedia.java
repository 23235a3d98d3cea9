package sabaq.media.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the SFU core needs to know about one accepted (bundled, non-zero port) m-section of the answer.
 *
 * @param direction       as written in our answer: {@code RECVONLY} means the SFU receives, {@code SENDONLY} that it sends
 * @param payloadType     the chosen Opus or VP8 payload type (the offer's number)
 * @param clockRate       its RTP clock rate
 * @param rtxPayloadType  the RTX payload type for it, or -1
 * @param redPayloadType  the audio RED payload type, or -1
 * @param rids            the rids the browser will send (offered {@code send} rids answered {@code recv}), in
 *                        simulcast order; empty unless the SFU receives simulcast
 * @param ssrcs           the SSRCs the offer declares for this m-section ({@code a=ssrc}), in order
 * @param rtxSsrcs        media SSRC → RTX SSRC from the offer's {@code a=ssrc-group:FID} lines
 * @param remoteMsid      the offer's {@code a=msid}, or null when it has none
 */
public record NegotiatedMedia(MediaKind kind, String mid, Direction direction, int payloadType, int clockRate,
                              int rtxPayloadType, int redPayloadType, ExtensionIds extensions, FeedbackFlags feedback,
                              List<String> rids, List<Long> ssrcs, Map<Long, Long> rtxSsrcs, Msid remoteMsid) {
    public NegotiatedMedia {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(feedback, "feedback");
        rids = List.copyOf(rids);
        ssrcs = List.copyOf(ssrcs);
        rtxSsrcs = Collections.unmodifiableMap(new LinkedHashMap<>(rtxSsrcs));
    }

    /** True when the SFU receives media on this m-section. */
    public boolean sfuReceives() {
        return direction.receives();
    }

    /** True when the SFU sends media on this m-section. */
    public boolean sfuSends() {
        return direction.sends();
    }
}
