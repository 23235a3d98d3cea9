package sabaq.signalling.session;

import sabaq.common.media.ConnectionQuality;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaRoomListener;

/** Moves SFU events from media threads onto the lesson's context; never blocks the media thread. */
final class HubMediaListener implements MediaRoomListener {
    private final LessonHub hub;

    HubMediaListener(LessonHub hub) {
        this.hub = hub;
    }

    @Override
    public void onPeerConnectionState(String peerId, MediaConnectionState state) {
        hub.run(() -> hub.onConnectionState(peerId, state));
    }

    @Override
    public void onActiveSpeaker(String peerId) {
        hub.run(() -> hub.onActiveSpeaker(peerId));
    }

    @Override
    public void onConnectionQuality(String peerId, ConnectionQuality quality) {
        hub.run(() -> hub.onConnectionQuality(peerId, quality));
    }
}
