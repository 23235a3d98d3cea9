package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the value of {@code a=simulcast} (RFC 8853 section 5.1):
 * {@code ("send" SP streams [SP "recv" SP streams]) / ("recv" SP streams [SP "send" SP streams])}, where streams are
 * separated by ';', alternatives by ',' and a rid may be prefixed by {@code ~} (paused).
 */
final class SimulcastParser {
    private SimulcastParser() {
    }

    static Simulcast parse(String value, int line) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length != 2 && f.length != 4) {
            throw new SdpException(line, "a=simulcast must be 'send <rids>' and/or 'recv <rids>'");
        }
        List<List<SimulcastRid>> send = null;
        List<List<SimulcastRid>> recv = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < f.length; i += 2) {
            List<List<SimulcastRid>> streams = streams(f[i + 1], seen, line);
            if (f[i].equals("send") && send == null) {
                send = streams;
            } else if (f[i].equals("recv") && recv == null) {
                recv = streams;
            } else {
                throw new SdpException(line, "a=simulcast direction must be send or recv, each at most once");
            }
        }
        return new Simulcast(send == null ? List.of() : send, recv == null ? List.of() : recv);
    }

    private static List<List<SimulcastRid>> streams(String list, Set<String> seen, int line) throws SdpException {
        List<List<SimulcastRid>> streams = new ArrayList<>();
        for (String stream : list.split(";", -1)) {
            List<SimulcastRid> alternatives = new ArrayList<>();
            for (String alt : stream.split(",", -1)) {
                boolean paused = alt.startsWith("~");
                String id = paused ? alt.substring(1) : alt;
                if (!SdpSyntax.isRidId(id)) {
                    throw new SdpException(line, "a=simulcast has a bad rid '" + SdpSyntax.abbreviate(alt) + "'");
                }
                if (!seen.add(id)) {
                    throw new SdpException(line, "a=simulcast names rid " + id + " twice");
                }
                alternatives.add(new SimulcastRid(id, paused));
            }
            streams.add(alternatives);
        }
        return streams;
    }
}
