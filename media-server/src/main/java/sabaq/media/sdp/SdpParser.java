package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A line-oriented parser for session descriptions (RFC 8866) as browsers write them for WebRTC (JSEP, RFC 8829):
 * Unified Plan, BUNDLE, rtcp-mux. Accepts CRLF and LF line endings and ignores blank lines. Each line must be
 * {@code <letter>=<value>}; the first one {@code v=0}. Unknown line types and attributes are kept or skipped, not
 * refused; the values of the attributes the typed views interpret are checked. Input larger than {@link #MAX_LENGTH}
 * characters or with more than {@link #MAX_MEDIA_SECTIONS} m-lines is refused. Any problem is an {@link SdpException}
 * that names the line; no other exception escapes for any input string.
 */
public final class SdpParser {
    /** The largest description accepted, in characters (Chrome's offers are 5–10 KiB). */
    public static final int MAX_LENGTH = 256 * 1024;
    /** The most m-lines accepted. */
    public static final int MAX_MEDIA_SECTIONS = 200;

    private SdpParser() {
    }

    public static SessionDescription parse(String sdp) throws SdpException {
        if (sdp == null) {
            throw new SdpException("no session description");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new SdpException("session description longer than " + MAX_LENGTH + " characters");
        }
        List<Attribute> sessionAttributes = new ArrayList<>();
        TransportAttributes sessionTransport = new TransportAttributes();
        List<String> bundleMids = null;
        List<MediaSectionParser> sections = new ArrayList<>();
        MediaSectionParser current = null;
        String[] origin = null;
        boolean seenVersion = false;
        int lineNumber = 0;
        int start = 0;
        while (start < sdp.length()) {
            int end = sdp.indexOf('\n', start);
            if (end < 0) {
                end = sdp.length();
            }
            String line = sdp.substring(start, end > start && sdp.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new SdpException(lineNumber, "expected '<type>=<value>', got '" + SdpSyntax.abbreviate(line) + "'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!seenVersion) {
                if (type != 'v' || !value.equals("0")) {
                    throw new SdpException(lineNumber, "a session description must start with v=0");
                }
                seenVersion = true;
                continue;
            }
            switch (type) {
                case 'v':
                    throw new SdpException(lineNumber, "v= given twice");
                case 'o':
                    if (current != null || origin != null) {
                        throw new SdpException(lineNumber, "o= must appear once, before the first m-line");
                    }
                    origin = parseOrigin(value, lineNumber);
                    break;
                case 'm':
                    if (sections.size() == MAX_MEDIA_SECTIONS) {
                        throw new SdpException(lineNumber, "more than " + MAX_MEDIA_SECTIONS + " m-lines");
                    }
                    current = new MediaSectionParser(value, lineNumber);
                    sections.add(current);
                    break;
                case 'a':
                    Attribute attribute = parseAttribute(value, lineNumber);
                    if (current != null) {
                        current.add(attribute, lineNumber);
                    } else {
                        sessionAttributes.add(attribute);
                        if (!sessionTransport.accept(attribute, lineNumber) && bundleMids == null) {
                            bundleMids = bundleGroup(attribute, lineNumber);
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        if (!seenVersion) {
            throw new SdpException("empty session description: missing v=0");
        }
        return build(origin, sessionAttributes, sessionTransport, bundleMids, sections);
    }

    private static SessionDescription build(String[] origin, List<Attribute> sessionAttributes,
                                            TransportAttributes sessionTransport, List<String> bundleMids,
                                            List<MediaSectionParser> sections) throws SdpException {
        List<MediaDescription> media = new ArrayList<>(sections.size());
        Set<String> mids = new HashSet<>();
        for (MediaSectionParser section : sections) {
            if (section.mid != null && !mids.add(section.mid)) {
                throw new SdpException(section.line, "mid " + section.mid + " used by two m-sections");
            }
            media.add(section.build(sessionTransport));
        }
        return new SessionDescription(origin == null ? null : origin[1], origin == null ? null : origin[2],
                sessionAttributes, media, bundleMids == null ? List.of() : bundleMids, sessionTransport);
    }

    /** {@code <name>[:<value>]}; the name must be a token (RFC 8866 section 5.13). */
    private static Attribute parseAttribute(String value, int lineNumber) throws SdpException {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (!SdpSyntax.isToken(name)) {
            throw new SdpException(lineNumber, "bad attribute name '" + SdpSyntax.abbreviate(name) + "'");
        }
        return new Attribute(name, colon < 0 ? null : value.substring(colon + 1));
    }

    /** {@code <username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>} (RFC 8866 section 5.2). */
    private static String[] parseOrigin(String value, int lineNumber) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length != 6) {
            throw new SdpException(lineNumber, "o= must have 6 fields");
        }
        for (int i = 1; i <= 2; i++) {
            if (f[i].isEmpty() || f[i].length() > 20 || !f[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new SdpException(lineNumber, "o= session id and version must be numbers");
            }
        }
        return f;
    }

    /** The mids of {@code a=group:BUNDLE ...} (RFC 9143 section 7.1), or null for any other attribute. */
    private static List<String> bundleGroup(Attribute a, int lineNumber) throws SdpException {
        if (!a.name().equals("group") || a.value() == null) {
            return null;
        }
        String[] f = SdpSyntax.fields(a.value());
        if (f.length == 0 || !f[0].equals("BUNDLE")) {
            return null;
        }
        List<String> mids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < f.length; i++) {
            if (!SdpSyntax.isToken(f[i]) || !seen.add(f[i])) {
                throw new SdpException(lineNumber, "a=group:BUNDLE has a bad or repeated mid '" + SdpSyntax.abbreviate(f[i]) + "'");
            }
            mids.add(f[i]);
        }
        return mids;
    }
}
