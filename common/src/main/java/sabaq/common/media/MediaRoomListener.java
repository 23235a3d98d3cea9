package sabaq.common.media;

/** Events from the media backend about one room. Called on media threads: implementations hand work off and return. */
public interface MediaRoomListener {

    void onPeerConnectionState(String peerId, MediaConnectionState state);

    /** The loudest speaking peer changed (RFC 6464 audio levels); {@code peerId} is null when nobody speaks. */
    void onActiveSpeaker(String peerId);

    /** A periodic connection quality sample of one peer (every few seconds while connected). */
    default void onConnectionQuality(String peerId, ConnectionQuality quality) {
    }

    MediaRoomListener NONE = new MediaRoomListener() {
        @Override
        public void onPeerConnectionState(String peerId, MediaConnectionState state) {
        }

        @Override
        public void onActiveSpeaker(String peerId) {
        }
    };
}
