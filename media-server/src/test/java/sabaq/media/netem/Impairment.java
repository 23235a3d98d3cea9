package sabaq.media.netem;

/**
 * What one direction of a {@link UdpImpairmentRelay} does to packets, like netem + tbf: a one-way delay with
 * uniform jitter (order is kept), random loss, burst loss (a two-state Gilbert–Elliott chain: in the bad state
 * packets are lost with {@code badStateLoss}), and a rate cap (token bucket, tail drop beyond {@code queueMillis}).
 *
 * @param rateBps 0 = no cap
 */
public record Impairment(int delayMillis, int jitterMillis, double loss, double goodToBad, double badToGood,
                         double badStateLoss, long rateBps, int queueMillis) {

    public static final Impairment NONE = new Impairment(0, 0, 0, 0, 1, 0, 0, 200);
    /** Every packet lost: the network is cut. */
    public static final Impairment CUT = new Impairment(0, 0, 1.0, 0, 1, 0, 0, 200);

    public Impairment {
        if (delayMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("bad delay");
        }
        check(loss, "loss");
        check(goodToBad, "goodToBad");
        check(badToGood, "badToGood");
        check(badStateLoss, "badStateLoss");
        if (rateBps < 0 || queueMillis < 0) throw new IllegalArgumentException("bad rate or queue");
    }

    private static void check(double p, String name) {
        if (p < 0 || p > 1 || Double.isNaN(p)) throw new IllegalArgumentException(name + " must be a probability");
    }

    public static Impairment delay(int ms) {
        return NONE.withDelay(ms, 0);
    }

    public Impairment withDelay(int ms, int jitter) {
        return new Impairment(ms, jitter, loss, goodToBad, badToGood, badStateLoss, rateBps, queueMillis);
    }

    public Impairment withLoss(double p) {
        return new Impairment(delayMillis, jitterMillis, p, goodToBad, badToGood, badStateLoss, rateBps, queueMillis);
    }

    /** Bursty loss: enter the bad state with {@code enter}, leave with {@code leave}, lose {@code lossInBad} in it. */
    public Impairment withBurstLoss(double enter, double leave, double lossInBad) {
        return new Impairment(delayMillis, jitterMillis, loss, enter, leave, lossInBad, rateBps, queueMillis);
    }

    public Impairment withRate(long bps, int queueMs) {
        return new Impairment(delayMillis, jitterMillis, loss, goodToBad, badToGood, badStateLoss, bps, queueMs);
    }
}
