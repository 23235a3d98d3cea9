package sabaq.signalling.ops.metrics;

/** Byte and packet counters of one network interface since it came up (a row of {@code /proc/net/dev}). */
public record InterfaceCounters(String name, long rxBytes, long rxPackets, long txBytes, long txPackets) {
}
