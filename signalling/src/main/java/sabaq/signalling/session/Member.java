package sabaq.signalling.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.TrackSource;
import sabaq.signalling.lesson.Participant;
import sabaq.signalling.lesson.Track;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A joined participant together with its socket and SFU peer. Confined to the lesson's context. Remembers which of
 * its tracks signalling has paused in the SFU (teacher mute, unpublish, floor revoked) so they can be resumed.
 */
final class Member {
    private static final Logger log = LoggerFactory.getLogger(Member.class);

    private final Participant participant;
    private final ClientSession session;
    private final MediaPeer peer;
    private final Set<String> pausedTrackIds = new HashSet<>();
    private boolean negotiating;

    Member(Participant participant, ClientSession session, MediaPeer peer) {
        this.participant = participant;
        this.session = session;
        this.peer = peer;
    }

    Participant participant() {
        return participant;
    }

    String id() {
        return participant.id();
    }

    ClientSession session() {
        return session;
    }

    MediaPeer peer() {
        return peer;
    }

    boolean negotiating() {
        return negotiating;
    }

    void negotiating(boolean v) {
        negotiating = v;
    }

    String microphoneTrackId() {
        return Track.idOf(participant.id(), TrackSource.MICROPHONE);
    }

    /** Stops the SFU forwarding one of this member's tracks. */
    void pause(String trackId) {
        pausedTrackIds.add(trackId);
        setPaused(trackId, true);
    }

    /** Lets a track paused by {@link #pause} flow again; no call when it was not paused. */
    void resume(String trackId) {
        if (pausedTrackIds.remove(trackId)) setPaused(trackId, false);
    }

    /**
     * After a successful negotiation: the microphone of a muted member stays paused (the SFU may have created the
     * track anew), every other published track that signalling had paused flows again.
     */
    void applyPausing(List<Track> published) {
        for (Track t : published) {
            if (t.source() == TrackSource.MICROPHONE && participant.muted()) {
                pause(t.trackId());
            } else {
                resume(t.trackId());
            }
        }
    }

    void closePeer() {
        try {
            peer.close();
        } catch (RuntimeException e) {
            log.warn("media peer {} failed to close", peer.id(), e);
        }
    }

    private void setPaused(String trackId, boolean paused) {
        try {
            peer.setTrackPaused(trackId, paused);
        } catch (RuntimeException e) {
            log.warn("media peer {} refused setTrackPaused({}, {})", peer.id(), trackId, paused, e);
        }
    }
}
