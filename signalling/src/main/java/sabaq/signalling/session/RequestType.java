package sabaq.signalling.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The client → server message types of docs/protocol.md section 2.1, by wire name. */
public enum RequestType {
    JOIN("join"),
    OFFER("offer"),
    UNPUBLISH("unpublish"),
    MEDIA_STATE("media-state"),
    RECEIVE_MODE("receive-mode"),
    CHAT("chat"),
    HAND("hand"),
    GRANT_FLOOR("grant-floor"),
    MUTE("mute"),
    UNMUTE("unmute"),
    REMOVE("remove"),
    END_LESSON("end-lesson"),
    LEAVE("leave"),
    RECORD("record"),
    PING("ping");

    private static final Map<String, RequestType> BY_WIRE = new HashMap<>();

    static {
        for (RequestType t : values()) BY_WIRE.put(t.wireName, t);
    }

    private final String wireName;

    RequestType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RequestType> fromWire(String s) {
        return Optional.ofNullable(s == null ? null : BY_WIRE.get(s));
    }
}
