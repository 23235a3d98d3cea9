package sabaq.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The real Chromium 156 offer and offers derived from it by editing its text, plus a local transport. */
final class OfferFixtures {
    static final String FINGERPRINT_0F = "0F:64:1E:13:57:CC:27:CF:D4:4C:48:A3:44:86:86:E3:83:E8:EC:6D:A4:4B:1E:69:56:7C:C4:4C:35:B6:BB:C3";
    static final String LOCAL_FINGERPRINT = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
    static final String LOCAL_UFRAG = "sfuU";
    static final String LOCAL_PWD = "0123456789abcdefghijklmn";

    private OfferFixtures() {
    }

    /** The fixture as recorded (LF line endings). */
    static String chromeOffer() {
        try (InputStream in = OfferFixtures.class.getResourceAsStream("/sdp/chromium-156-simulcast-offer.sdp")) {
            if (in == null) {
                throw new IllegalStateException("fixture /sdp/chromium-156-simulcast-offer.sdp missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalTransport localTransport() {
        return LocalTransport.udpOnly(LOCAL_UFRAG, LOCAL_PWD, LOCAL_FINGERPRINT, new HostCandidate("127.0.0.1", 40000), 42, 1);
    }

    /** The session part of the fixture (everything before the first m-line), one entry per line. */
    static List<String> sessionLines(String sdp) {
        List<String> out = new ArrayList<>();
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                break;
            }
            out.add(line);
        }
        return out;
    }

    /** The m-sections of the fixture, each a list of lines starting with its m-line. */
    static List<List<String>> sections(String sdp) {
        List<List<String>> out = new ArrayList<>();
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                out.add(new ArrayList<>());
            }
            if (!out.isEmpty()) {
                out.get(out.size() - 1).add(line);
            }
        }
        return out;
    }

    static String join(List<String> session, List<List<String>> sections) {
        StringBuilder sb = new StringBuilder();
        session.forEach(l -> sb.append(l).append("\r\n"));
        sections.forEach(s -> s.forEach(l -> sb.append(l).append("\r\n")));
        return sb.toString();
    }

    /** Replaces every line equal to {@code from} (whole line) with {@code to}; removes it when {@code to} is null. */
    static String replaceLine(String sdp, String from, String to) {
        StringBuilder sb = new StringBuilder();
        for (String line : sdp.split("\n")) {
            if (line.equals(from)) {
                if (to != null) {
                    sb.append(to).append('\n');
                }
            } else {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * A subscriber's offer like Chrome makes it for {@code recvonly} transceivers: the fixture's audio section and
     * {@code videoSections} copies of its video section, all {@code recvonly}, without ssrc, msid, rid and simulcast
     * lines, with mids 0, 1, 2, ... and the BUNDLE group naming all of them.
     */
    static String subscribeOffer(int videoSections) {
        String fixture = chromeOffer();
        List<List<String>> original = sections(fixture);
        List<List<String>> sections = new ArrayList<>();
        sections.add(recvonly(original.get(0), "0"));
        StringBuilder bundle = new StringBuilder("a=group:BUNDLE 0");
        for (int i = 1; i <= videoSections; i++) {
            sections.add(recvonly(original.get(1), Integer.toString(i)));
            bundle.append(' ').append(i);
        }
        List<String> session = new ArrayList<>();
        for (String line : sessionLines(fixture)) {
            if (line.startsWith("a=group:BUNDLE")) {
                session.add(bundle.toString());
            } else if (!line.startsWith("a=msid-semantic")) {
                session.add(line);
            }
        }
        return join(session, sections);
    }

    private static List<String> recvonly(List<String> section, String mid) {
        List<String> out = new ArrayList<>();
        for (String line : section) {
            if (line.startsWith("a=ssrc") || line.startsWith("a=msid") || line.startsWith("a=rid")
                    || line.startsWith("a=simulcast")) {
                continue;
            }
            if (line.equals("a=sendonly")) {
                out.add("a=recvonly");
            } else if (line.startsWith("a=mid:")) {
                out.add("a=mid:" + mid);
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /** Applies {@code edit} to the lines of one m-section (by index) and rebuilds the description. */
    static String editSection(String sdp, int index, UnaryOperator<List<String>> edit) {
        List<List<String>> sections = sections(sdp);
        sections.set(index, edit.apply(new ArrayList<>(sections.get(index))));
        return join(sessionLines(sdp), sections);
    }
}
