package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code a=simulcast} attribute (RFC 8853 section 5.1), e.g. {@code a=simulcast:send q;h;f}. Each direction holds
 * a list of simulcast streams separated by ';'; each stream is a list of alternative rids separated by ','. A leading
 * {@code ~} (paused) is removed from the id and kept as {@link SimulcastRid#paused()}. A direction that is not present
 * is an empty list.
 */
public record Simulcast(List<List<SimulcastRid>> send, List<List<SimulcastRid>> recv) {
    public Simulcast {
        send = copy(send);
        recv = copy(recv);
    }

    /** All rid ids of the send direction, stream by stream, alternatives in order. */
    public List<String> sendRidIds() {
        return ids(send);
    }

    /** All rid ids of the receive direction, stream by stream, alternatives in order. */
    public List<String> recvRidIds() {
        return ids(recv);
    }

    private static List<String> ids(List<List<SimulcastRid>> streams) {
        List<String> out = new ArrayList<>();
        for (List<SimulcastRid> stream : streams) {
            for (SimulcastRid rid : stream) {
                out.add(rid.id());
            }
        }
        return List.copyOf(out);
    }

    private static List<List<SimulcastRid>> copy(List<List<SimulcastRid>> streams) {
        List<List<SimulcastRid>> out = new ArrayList<>(streams.size());
        for (List<SimulcastRid> stream : streams) {
            out.add(List.copyOf(stream));
        }
        return List.copyOf(out);
    }
}
