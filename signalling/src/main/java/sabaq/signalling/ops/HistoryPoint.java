package sabaq.signalling.ops;

/**
 * One sample of the operations page's charts: wall-clock time, CPU loads, memory and heap use (fractions, NaN when
 * unknown), the network rate summed over the interfaces other than loopback, participants and live lessons.
 */
public record HistoryPoint(long atMillis, double systemCpu, double processCpu, double memoryUsed, double heapUsed,
                           double rxBps, double txBps, int participants, int lessons) {
}
