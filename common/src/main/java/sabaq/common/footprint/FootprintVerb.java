package sabaq.common.footprint;

import java.util.Locale;
import java.util.Optional;

/**
 * What a footprint event says happened, with its xAPI verb IRI (xAPI 1.0.3, "Verb" section 2.4.3). ADL registry
 * IRIs ({@code http://adlnet.gov/expapi/verbs/...}) are used where one means the same thing; the others are ours under
 * {@code https://sabaq.kz/xapi/verbs/}. The wire name (lower case, dashes) is the one used in HTTP JSON and CSV.
 */
public enum FootprintVerb {
    JOINED("http://adlnet.gov/expapi/verbs/attended", "joined"),
    LEFT("http://adlnet.gov/expapi/verbs/exited", "left"),
    CAMERA_ON(null, "camera on"),
    CAMERA_OFF(null, "camera off"),
    MIC_ON(null, "microphone on"),
    MIC_OFF(null, "microphone off"),
    SPOKE(null, "spoke"),
    CHAT_SENT("http://adlnet.gov/expapi/verbs/commented", "sent a chat message"),
    HAND_RAISED(null, "raised a hand"),
    FLOOR_GRANTED(null, "was given the floor"),
    REMOVED(null, "was removed"),
    CONNECTION_QUALITY(null, "connection quality"),
    RECORDING_WATCHED("http://activitystrea.ms/schema/1.0/watch", "watched a recording"),
    LESSON_STARTED("http://adlnet.gov/expapi/verbs/launched", "started the lesson"),
    LESSON_ENDED("http://adlnet.gov/expapi/verbs/terminated", "ended the lesson");

    /** Prefix of our own verb IRIs. */
    public static final String SABAQ_VERBS = "https://sabaq.kz/xapi/verbs/";

    private final String iri;
    private final String display;

    FootprintVerb(String registryIri, String display) {
        this.iri = registryIri != null ? registryIri : SABAQ_VERBS + wire(name());
        this.display = display;
    }

    /** The xAPI verb id (an IRI). */
    public String iri() {
        return iri;
    }

    /** The English display text of the verb ({@code verb.display["en-US"]} in a statement). */
    public String display() {
        return display;
    }

    /** Lower case with dashes: {@code camera-on}. */
    public String wireName() {
        return wire(name());
    }

    public static Optional<FootprintVerb> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (FootprintVerb v : values()) if (v.wireName().equals(s)) return Optional.of(v);
        return Optional.empty();
    }

    private static String wire(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
