package sabaq.signalling.ws;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    private static final long MS = 1_000_000L;

    @Test
    void burstThenSteadyRate() {
        TokenBucket b = new TokenBucket(10, 10, 0);
        for (int i = 0; i < 10; i++) assertTrue(b.tryTake(0));
        assertFalse(b.tryTake(0));
        assertFalse(b.tryTake(99 * MS));
        assertTrue(b.tryTake(100 * MS));
        assertFalse(b.tryTake(100 * MS));
        int taken = 0;
        for (int i = 0; i < 100; i++) if (b.tryTake(10_000 * MS)) taken++;
        assertTrue(taken == 10, "refill is capped at the capacity, took " + taken);
        assertFalse(b.tryTake(5_000 * MS), "a clock going backwards adds nothing");
    }
}
