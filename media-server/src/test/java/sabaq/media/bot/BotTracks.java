package sabaq.media.bot;

import sabaq.common.media.PublishSpec;
import sabaq.common.media.SubscribeSpec;
import sabaq.common.media.TrackKind;
import sabaq.common.media.TrackSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A bot's m-lines and the RTP streams behind its send tracks: unique random SSRCs (RFC 3550 section 8.1), one stream
 * (plus RTX) per single-stream track, one per simulcast layer at Chrome's q/h/f resolutions, and the signalling
 * specs that publish or subscribe them. Not thread safe; {@link WebRtcBot} guards it.
 */
final class BotTracks {
    private static final int[][] LAYER_SIZES = {{320, 180}, {640, 360}, {1280, 720}};

    private final BotOptions options;
    private final SplittableRandom random;
    private final List<BotTrack> tracks = new ArrayList<>();
    private final Map<String, long[]> declaredSsrcs = new HashMap<>();
    private final Set<Long> usedSsrcs = new HashSet<>();
    private final Map<String, List<SendStream>> streamsByMid = new LinkedHashMap<>();

    BotTracks(BotOptions options, SplittableRandom random) {
        this.options = options;
        this.random = random;
    }

    /** Adds an m-line; returns the streams it sends (empty for a receive track). */
    List<SendStream> add(BotTrack t, long nowNanos) {
        for (BotTrack old : tracks) {
            if (old.mid().equals(t.mid())) throw new IllegalArgumentException("duplicate mid " + t.mid());
        }
        tracks.add(t);
        if (!t.send()) return List.of();
        List<SendStream> streams = new ArrayList<>();
        if (t.simulcast()) {
            for (int i = 0; i < t.rids().size(); i++) {
                int[] size = LAYER_SIZES[Math.min(i, LAYER_SIZES.length - 1)];
                streams.add(new SendStream(t.mid(), t.kind(), i, t.rids().get(i), nextSsrc(), nextSsrc(), size[0],
                        size[1], options.packetsPerFrame(i), options.identifyPackets(), random, nowNanos));
            }
        } else {
            long ssrc = nextSsrc();
            long rtx = t.kind() == TrackKind.VIDEO ? nextSsrc() : -1;
            declaredSsrcs.put(t.mid(), new long[]{ssrc, rtx});
            streams.add(new SendStream(t.mid(), t.kind(), 0, null, ssrc, rtx, 640, 360,
                    options.packetsPerFrame(Integer.MAX_VALUE), options.identifyPackets(), random, nowNanos));
        }
        streamsByMid.put(t.mid(), streams);
        return streams;
    }

    /** A fresh non-zero SSRC no stream of this bot uses. */
    long nextSsrc() {
        long s;
        do {
            s = random.nextLong(1, 1L << 32);
        } while (!usedSsrcs.add(s));
        return s;
    }

    List<BotTrack> tracks() {
        return List.copyOf(tracks);
    }

    /** Per single-stream send mid: the SSRCs the offer declares (media, then RTX or -1). */
    Map<String, long[]> declaredSsrcs() {
        return Map.copyOf(declaredSsrcs);
    }

    List<SendStream> streams(String mid) {
        List<SendStream> s = streamsByMid.get(mid);
        if (s == null) throw new IllegalArgumentException("no send m-line " + mid);
        return s;
    }

    /** One spec per send m-line: audio from the microphone, video from the camera. */
    List<PublishSpec> publishSpecs() {
        List<PublishSpec> out = new ArrayList<>();
        for (BotTrack t : tracks) {
            if (t.send()) {
                out.add(new PublishSpec(t.mid(), t.trackId(), t.kind(),
                        t.kind() == TrackKind.AUDIO ? TrackSource.MICROPHONE : TrackSource.CAMERA));
            }
        }
        return out;
    }

    /** One spec per receive m-line. */
    List<SubscribeSpec> subscribeSpecs() {
        List<SubscribeSpec> out = new ArrayList<>();
        for (BotTrack t : tracks) {
            if (!t.send()) out.add(new SubscribeSpec(t.mid(), t.trackId()));
        }
        return out;
    }
}
