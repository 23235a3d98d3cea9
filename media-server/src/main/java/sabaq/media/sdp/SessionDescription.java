package sabaq.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A parsed session description (RFC 8866): the session-level attributes and the m-sections in order. Typed views of
 * what WebRTC uses at session level: the first {@code a=group:BUNDLE} group (RFC 9143), {@code a=ice-lite}
 * (RFC 8839 section 5.3), {@code a=extmap-allow-mixed} (RFC 8285 section 6) and session-level ICE credentials,
 * fingerprint and setup, which {@link MediaDescription} already uses as fallback. Immutable.
 */
public final class SessionDescription {
    private final String originSessionId;
    private final String originSessionVersion;
    private final List<Attribute> attributes;
    private final List<MediaDescription> media;
    private final List<String> bundleMids;
    private final boolean iceLite;
    private final boolean extmapAllowMixed;
    private final String iceUfrag;
    private final String icePwd;
    private final Fingerprint fingerprint;
    private final Setup setup;

    SessionDescription(String originSessionId, String originSessionVersion, List<Attribute> attributes,
                       List<MediaDescription> media, List<String> bundleMids, TransportAttributes transport) {
        this.originSessionId = originSessionId;
        this.originSessionVersion = originSessionVersion;
        this.attributes = List.copyOf(attributes);
        this.media = List.copyOf(media);
        this.bundleMids = List.copyOf(bundleMids);
        this.iceLite = hasFlag(attributes, "ice-lite");
        this.extmapAllowMixed = hasFlag(attributes, "extmap-allow-mixed");
        this.iceUfrag = transport.iceUfrag;
        this.icePwd = transport.icePwd;
        this.fingerprint = transport.fingerprint;
        this.setup = transport.setup;
    }

    private static boolean hasFlag(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code <sess-id>} of the o= line, if there is one. */
    public Optional<String> originSessionId() {
        return Optional.ofNullable(originSessionId);
    }

    /** The {@code <sess-version>} of the o= line, if there is one. */
    public Optional<String> originSessionVersion() {
        return Optional.ofNullable(originSessionVersion);
    }

    /** Session-level {@code a=} lines in order. */
    public List<Attribute> attributes() {
        return attributes;
    }

    public List<MediaDescription> media() {
        return media;
    }

    /** The mids of the first BUNDLE group in order; empty when the description has none. */
    public List<String> bundleMids() {
        return bundleMids;
    }

    public boolean iceLite() {
        return iceLite;
    }

    public boolean extmapAllowMixed() {
        return extmapAllowMixed;
    }

    public Optional<String> iceUfrag() {
        return Optional.ofNullable(iceUfrag);
    }

    public Optional<String> icePwd() {
        return Optional.ofNullable(icePwd);
    }

    public Optional<Fingerprint> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    public Optional<Setup> setup() {
        return Optional.ofNullable(setup);
    }

    /** The m-section with this mid. */
    public Optional<MediaDescription> media(String mid) {
        for (MediaDescription m : media) {
            if (m.mid().filter(mid::equals).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
