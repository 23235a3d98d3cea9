package sabaq.signalling.ops;

/** Receive and transmit rates of one network interface between two samples, bits per second. */
public record NetworkRate(String name, double rxBps, double txBps) {
}
