package sabaq.signalling.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Lockout and back-off after failed sign-ins. Failures are counted per account and per address; a count restarts
 * when {@code window} passes without a failure. Once an account reaches {@code accountFailures} (an address
 * {@code addressFailures}, higher because a school's pupils share one address) it is locked for {@code firstLock},
 * and every further failure doubles the lock, up to {@code maxLock}. A locked account or address is refused without
 * its password being checked. A successful sign-in clears the account's count (not the address's).
 */
public record ThrottlePolicy(int accountFailures, int addressFailures, Duration window, Duration firstLock,
                             Duration maxLock) {
    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(maxLock, "maxLock");
        if (accountFailures < 1 || addressFailures < 1) throw new IllegalArgumentException("thresholds must be positive");
    }

    /** The state after one more failure at {@code now} for a key whose threshold is {@code threshold}. */
    public ThrottleState afterFailure(ThrottleState s, long now, int threshold) {
        int failures = now - s.lastFailure() > window.toMillis() ? 1 : s.failures() + 1;
        long lockedUntil = s.lockedUntil();
        if (failures >= threshold) {
            int doublings = Math.min(30, failures - threshold);
            long lock = Math.min(maxLock.toMillis(), firstLock.toMillis() << doublings);
            lockedUntil = Math.max(lockedUntil, now + lock);
        }
        return new ThrottleState(failures, now, lockedUntil);
    }

    /** How long a state is worth keeping: the window plus the longest lock. */
    public Duration retention() {
        return window.plus(maxLock);
    }
}
