package sabaq.signalling.ops;

import sabaq.signalling.ops.metrics.InterfaceCounters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rates of network interfaces from two readings of their counters. */
final class NetworkRates {
    private NetworkRates() {
    }

    /**
     * Bits per second per interface present in both readings; a counter that went down (interface reset or counter
     * wrap) gives 0 for that interval. Empty when {@code seconds} is not positive.
     */
    static List<NetworkRate> between(List<InterfaceCounters> before, List<InterfaceCounters> after, double seconds) {
        List<NetworkRate> out = new ArrayList<>();
        if (!(seconds > 0)) return out;
        Map<String, InterfaceCounters> old = new HashMap<>();
        for (InterfaceCounters c : before) old.put(c.name(), c);
        for (InterfaceCounters c : after) {
            InterfaceCounters o = old.get(c.name());
            if (o == null) continue;
            out.add(new NetworkRate(c.name(), rate(o.rxBytes(), c.rxBytes(), seconds), rate(o.txBytes(), c.txBytes(), seconds)));
        }
        return out;
    }

    private static double rate(long before, long after, double seconds) {
        return after >= before ? (after - before) * 8.0 / seconds : 0;
    }
}
