package sabaq.signalling.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottlePolicyTest {
    private final ThrottlePolicy p = new ThrottlePolicy(3, 10, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(5));

    @Test
    void locksAtTheThresholdAndDoublesUpToTheMaximum() {
        long t = 1_000_000L;
        ThrottleState s = ThrottleState.CLEAR;
        s = p.afterFailure(s, t, 3);
        s = p.afterFailure(s, t + 1, 3);
        assertEquals(0, s.lockedUntil());
        s = p.afterFailure(s, t + 2, 3);
        assertEquals(t + 2 + 60_000, s.lockedUntil());
        s = p.afterFailure(s, t + 3, 3);
        assertEquals(t + 3 + 120_000, s.lockedUntil());
        s = p.afterFailure(s, t + 4, 3);
        assertEquals(t + 4 + 240_000, s.lockedUntil());
        s = p.afterFailure(s, t + 5, 3);
        assertEquals(t + 5 + 300_000, s.lockedUntil(), "capped at max-lock");
        for (int i = 0; i < 100; i++) s = p.afterFailure(s, t + 6, 3);
        assertEquals(t + 6 + 300_000, s.lockedUntil(), "no overflow after many failures");
    }

    @Test
    void theCountRestartsAfterAQuietWindow() {
        long t = 5_000_000L;
        ThrottleState s = p.afterFailure(p.afterFailure(ThrottleState.CLEAR, t, 3), t + 1000, 3);
        assertEquals(2, s.failures());
        s = p.afterFailure(s, t + 1000 + Duration.ofMinutes(15).toMillis() + 1, 3);
        assertEquals(1, s.failures());
        assertEquals(0, s.lockedUntil());
        assertEquals(Duration.ofMinutes(20), p.retention());
    }
}
