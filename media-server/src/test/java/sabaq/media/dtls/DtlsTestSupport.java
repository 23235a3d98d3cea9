package sabaq.media.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/** In-memory plumbing for DTLS tests: a lossy datagram link and a listener that records what it heard. */
final class DtlsTestSupport {

    private DtlsTestSupport() {
    }

    /** Where a link delivers datagrams (a session's {@code onPacket}). */
    interface Receiver {
        void onPacket(byte[] data, int off, int len);
    }

    /**
     * One direction of an in-memory link. Datagram number n (counting from 1) is dropped when {@code drop.test(n)};
     * {@code injectBefore} may add extra datagrams (e.g. garbage) ahead of each real one.
     */
    static final class Link implements DatagramSender {
        private final IntPredicate drop;
        private final List<byte[]> sentCopies = new ArrayList<>();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger dropped = new AtomicInteger();
        private volatile Receiver target;
        private volatile Receiver injectBefore;

        Link(IntPredicate drop) {
            this.drop = drop;
        }

        static Link perfect() {
            return new Link(n -> false);
        }

        void connectTo(Receiver receiver) {
            this.target = receiver;
        }

        void injectBefore(Receiver injector) {
            this.injectBefore = injector;
        }

        @Override
        public void send(byte[] data, int off, int len) {
            int n = sent.incrementAndGet();
            synchronized (sentCopies) {
                sentCopies.add(Arrays.copyOfRange(data, off, off + len));
            }
            if (drop.test(n)) {
                dropped.incrementAndGet();
                return;
            }
            Receiver receiver = target;
            if (receiver == null) {
                return;
            }
            Receiver injector = injectBefore;
            if (injector != null) {
                injector.onPacket(data, off, len);
            }
            receiver.onPacket(data, off, len);
        }

        int sent() {
            return sent.get();
        }

        int dropped() {
            return dropped.get();
        }

        List<byte[]> sentDatagrams() {
            synchronized (sentCopies) {
                return new ArrayList<>(sentCopies);
            }
        }
    }

    /** Records every listener call; {@link #awaitOutcome} waits for the single handshake outcome. */
    static final class RecordingListener implements DtlsSessionListener {
        private final CountDownLatch outcome = new CountDownLatch(1);
        private final CountDownLatch disconnected = new CountDownLatch(1);
        private final AtomicInteger outcomeCalls = new AtomicInteger();
        private final AtomicInteger disconnectCalls = new AtomicInteger();
        private volatile SrtpKeyMaterial keys;
        private volatile DtlsFailure failure;
        private volatile String detail;
        private volatile DtlsFailure disconnectReason;

        @Override
        public void onHandshakeComplete(SrtpKeyMaterial exported) {
            keys = exported;
            outcomeCalls.incrementAndGet();
            outcome.countDown();
        }

        @Override
        public void onFailure(DtlsFailure reason, String why) {
            failure = reason;
            detail = why;
            outcomeCalls.incrementAndGet();
            outcome.countDown();
        }

        @Override
        public void onDisconnected(DtlsFailure reason, String why) {
            disconnectReason = reason;
            disconnectCalls.incrementAndGet();
            disconnected.countDown();
        }

        void awaitOutcome(Duration max) throws InterruptedException {
            assertTrue(outcome.await(max.toMillis(), TimeUnit.MILLISECONDS), "no handshake outcome within " + max);
        }

        void awaitDisconnect(Duration max) throws InterruptedException {
            assertTrue(disconnected.await(max.toMillis(), TimeUnit.MILLISECONDS), "no disconnect within " + max);
        }

        boolean hasOutcome() {
            return outcome.getCount() == 0;
        }

        SrtpKeyMaterial keys() {
            return keys;
        }

        DtlsFailure failure() {
            return failure;
        }

        String detail() {
            return detail;
        }

        DtlsFailure disconnectReason() {
            return disconnectReason;
        }

        int outcomeCalls() {
            return outcomeCalls.get();
        }

        int disconnectCalls() {
            return disconnectCalls.get();
        }
    }

    /** Polls until the condition holds or the deadline passes (no fixed sleeps). */
    static void awaitCondition(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
