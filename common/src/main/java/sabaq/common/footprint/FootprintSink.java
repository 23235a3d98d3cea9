package sabaq.common.footprint;

/**
 * Where emitters (signalling's lesson hub, the SFU, the player endpoint) hand footprint events. Implementations must
 * never block and never throw: they are called on the Vert.x event loop and on the SFU's packet threads. The durable
 * implementation appends to a local journal and writes to Cassandra later ({@code sabaq.recorder.footprint}).
 */
public interface FootprintSink {
    /** Accepts one validated event; returns at once. A replay of the same event id counts once downstream. */
    void record(FootprintEvent event);

    /** Drops everything: for servers without footprint storage and for tests. */
    FootprintSink NONE = event -> {
    };
}
