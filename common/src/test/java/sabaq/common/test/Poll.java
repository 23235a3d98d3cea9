package sabaq.common.test;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by polling with a deadline (tests never sleep for a fixed time to wait for events). */
public final class Poll {
    private Poll() {
    }

    /**
     * Evaluates {@code probe} every {@code interval} until {@code done} accepts its value; returns that value.
     * Fails with {@code what} and the last value seen when the deadline passes.
     */
    public static <T> T until(Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) return last;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError err = new AssertionError("timed out after " + timeout + " waiting for " + what + "; last value: " + last);
                if (lastError != null) err.initCause(lastError);
                throw err;
            }
            parkFor(interval);
        }
    }

    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done, String what) {
        return until(timeout, Duration.ofMillis(100), probe, done, what);
    }

    public static void until(Duration timeout, java.util.function.BooleanSupplier condition, String what) {
        until(timeout, Duration.ofMillis(50), condition::getAsBoolean, b -> b, what);
    }

    private static void parkFor(Duration d) {
        java.util.concurrent.locks.LockSupport.parkNanos(d.toNanos());
        if (Thread.interrupted()) throw new IllegalStateException("interrupted while polling");
    }
}
