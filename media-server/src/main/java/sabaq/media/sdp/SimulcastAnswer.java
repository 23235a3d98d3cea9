package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The receive side of RFC 8853 simulcast for our answer: every offered {@code send} stream whose rids are declared by
 * {@code a=rid:<id> send} (RFC 8851) is answered {@code recv}, in the offer's order. Paused markers ({@code ~}) are not
 * echoed; the SFU chooses which layers it forwards. A rid in {@code a=simulcast} without an {@code a=rid} line is
 * dropped (RFC 8853 section 5.2).
 */
final class SimulcastAnswer {
    private SimulcastAnswer() {
    }

    /** The simulcast streams to answer {@code recv}; empty when the offer has no {@code a=simulcast:send}. */
    static List<List<String>> recvStreams(MediaDescription m) {
        Set<String> declared = sendRidIds(m);
        List<List<String>> streams = new ArrayList<>();
        if (m.simulcast().isEmpty()) {
            return streams;
        }
        for (List<SimulcastRid> stream : m.simulcast().get().send()) {
            List<String> alternatives = new ArrayList<>();
            for (SimulcastRid rid : stream) {
                if (declared.contains(rid.id())) {
                    alternatives.add(rid.id());
                }
            }
            if (!alternatives.isEmpty()) {
                streams.add(alternatives);
            }
        }
        return streams;
    }

    /** The rids to answer {@code a=rid:<id> recv}: those of the streams, or every send rid when there is no simulcast. */
    static List<String> recvRids(MediaDescription m, List<List<String>> streams) {
        if (m.simulcast().isEmpty() || m.simulcast().get().send().isEmpty()) {
            return new ArrayList<>(sendRidIds(m));
        }
        List<String> rids = new ArrayList<>();
        streams.forEach(rids::addAll);
        return rids;
    }

    private static Set<String> sendRidIds(MediaDescription m) {
        Set<String> ids = new LinkedHashSet<>();
        for (Rid rid : m.rids(RidDirection.SEND)) {
            ids.add(rid.id());
        }
        return ids;
    }
}
