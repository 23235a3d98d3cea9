package sabaq.media.bot;

import sabaq.common.media.TrackKind;

import java.util.List;
import java.util.Objects;

/**
 * One m-line (transceiver) of a {@link WebRtcBot}'s offer, as Chrome's Unified Plan would write it: a send track
 * ({@code a=sendonly}, published under {@code trackId}), optionally simulcast with {@code a=rid:<rid> send} and no
 * {@code a=ssrc} (RFC 8853), or a receive-only slot ({@code a=recvonly}) that subscribes to the published track
 * {@code trackId} of another peer.
 *
 * @param rids simulcast rids, lowest layer first (Chrome: q, h, f); empty for a single stream
 */
public record BotTrack(String mid, TrackKind kind, boolean send, String trackId, List<String> rids) {
    /** Chrome's simulcast rids, lowest resolution first. */
    public static final List<String> CHROME_RIDS = List.of("q", "h", "f");

    public BotTrack {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trackId, "trackId");
        rids = List.copyOf(rids);
        if (!rids.isEmpty() && (kind != TrackKind.VIDEO || !send)) {
            throw new IllegalArgumentException("only sent video can be simulcast");
        }
    }

    public static BotTrack sendAudio(String mid, String trackId) {
        return new BotTrack(mid, TrackKind.AUDIO, true, trackId, List.of());
    }

    public static BotTrack sendVideo(String mid, String trackId) {
        return new BotTrack(mid, TrackKind.VIDEO, true, trackId, List.of());
    }

    /** Simulcast video with the rids q, h, f (320x180, 640x360, 1280x720). */
    public static BotTrack sendSimulcastVideo(String mid, String trackId) {
        return new BotTrack(mid, TrackKind.VIDEO, true, trackId, CHROME_RIDS);
    }

    /** A receive-only m-line carrying the published track {@code trackId}. */
    public static BotTrack receive(String mid, TrackKind kind, String trackId) {
        return new BotTrack(mid, kind, false, trackId, List.of());
    }

    public boolean simulcast() {
        return !rids.isEmpty();
    }

    /** Number of RTP streams this track sends (one per simulcast layer), 0 for a receive track. */
    public int layerCount() {
        return send ? Math.max(1, rids.size()) : 0;
    }
}
