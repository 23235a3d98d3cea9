package sabaq.common.media;

/** The media side of one lesson: a set of peers whose published tracks can be subscribed by the others. */
public interface MediaRoom {

    String id();

    /** Creates the transport for one participant. The peer id is chosen by signalling and unique in the room. */
    MediaPeer addPeer(String peerId);

    /** Closes every peer and releases the room. Idempotent. */
    void close();
}
