package sabaq.media.cc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimator against a simulated bottleneck with a fake clock: convergence, adapting down, probing up, loss. */
class SendSideBandwidthEstimatorTest {

    private static EstimatorSimulation sim(long capacityBps, long delayMs, double loss, long startBps, long demandBps) {
        return new EstimatorSimulation(new SimulatedPath(capacityBps, delayMs, 64_000, loss, 42), startBps, demandBps);
    }

    @Test
    void convergesBelowTheBottleneck() {
        EstimatorSimulation s = sim(1_000_000, 40, 0, 300_000, 3_000_000);
        s.run(25_000);
        long est = s.bwe.estimateBps();
        assertTrue(est > 600_000 && est < 1_300_000, "estimate " + est + " for a 1 Mbit/s path");
    }

    @Test
    void probingFindsAFastPathQuickly() {
        EstimatorSimulation s = sim(10_000_000, 20, 0, 300_000, 2_500_000);
        s.run(6_000);
        assertTrue(s.bwe.estimateBps() >= 2_000_000, "estimate after 6 s: " + s.bwe.estimateBps());
    }

    @Test
    void adaptsDownWithinTwoSecondsOfACapacityDrop() {
        EstimatorSimulation s = sim(2_000_000, 40, 0, 300_000, 1_800_000);
        s.run(15_000);
        assertTrue(s.bwe.estimateBps() > 1_000_000, "before the drop: " + s.bwe.estimateBps());
        s.path.setCapacity(256_000);
        long dropAt = s.nowMicros;
        long adaptedAt = -1;
        for (int i = 0; i < 50 && adaptedAt < 0; i++) {
            s.run(100);
            if (s.bwe.estimateBps() < 400_000) adaptedAt = s.nowMicros;
        }
        assertTrue(adaptedAt > 0, "never adapted below 400 kbit/s; estimate " + s.bwe.estimateBps());
        assertTrue(adaptedAt - dropAt <= 2_000_000, "adapted after " + (adaptedAt - dropAt) / 1000 + " ms");
    }

    @Test
    void probesBackUpWithinTenSecondsAfterTheLimitIsLifted() {
        EstimatorSimulation s = sim(300_000, 75, 0, 300_000, 1_500_000);
        s.run(15_000);
        assertTrue(s.bwe.estimateBps() < 450_000, "while limited: " + s.bwe.estimateBps());
        s.path.setCapacity(5_000_000);
        long liftedAt = s.nowMicros;
        long recoveredAt = -1;
        for (int i = 0; i < 150 && recoveredAt < 0; i++) {
            s.run(100);
            if (s.bwe.estimateBps() >= 800_000) recoveredAt = s.nowMicros;
        }
        assertTrue(recoveredAt > 0, "never recovered; estimate " + s.bwe.estimateBps());
        assertTrue(recoveredAt - liftedAt <= 10_000_000, "recovered after " + (recoveredAt - liftedAt) / 1000 + " ms");
    }

    @Test
    void randomLossOfFivePercentIsNotTakenForCongestion() {
        EstimatorSimulation s = sim(3_000_000, 40, 0.05, 1_000_000, 1_500_000);
        s.run(20_000);
        assertTrue(s.bwe.estimateBps() >= 1_000_000, "5 % random loss: " + s.bwe.estimateBps());
    }

    @Test
    void heavyLossLowersTheEstimate() {
        EstimatorSimulation s = sim(3_000_000, 40, 0.25, 1_500_000, 1_500_000);
        s.run(10_000);
        assertTrue(s.bwe.estimateBps() < 1_000_000, "25 % loss: " + s.bwe.estimateBps());
        assertTrue(s.bwe.lossFraction() > 0.10, "loss fraction seen: " + s.bwe.lossFraction());
    }
}
