package sabaq.common.time;

/** Injected time: monotonic nanoseconds for intervals and wall-clock milliseconds for stamps. */
public interface TimeSource {

    long nanoTime();

    long epochMillis();

    default long monotonicMillis() {
        return nanoTime() / 1_000_000L;
    }

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }
    };
}
