package sabaq.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReceiveContextsTest {

    @Test
    void contextsAreDerivedOnceAndPromotedOnlyAfterAuthentication() throws Exception {
        AtomicInteger derivations = new AtomicInteger();
        ReceiveContexts<Object> contexts = new ReceiveContexts<>(2, 2, ssrc -> {
            derivations.incrementAndGet();
            return new Object();
        });
        Object a = contexts.lookup(10);
        assertSame(a, contexts.lookup(10), "a failing SSRC waits on probation instead of being derived again");
        assertEquals(1, derivations.get());
        assertEquals(0, contexts.confirmedSize());
        contexts.authenticated(10, a);
        assertEquals(1, contexts.confirmedSize());

        for (int forged = 100; forged < 120; forged++) {
            contexts.lookup(forged);
        }
        assertSame(a, contexts.lookup(10), "forged SSRCs only churn the probation tier");
        assertEquals(1, contexts.confirmedSize());

        Object b = contexts.lookup(20);
        contexts.authenticated(20, b);
        Object c = contexts.lookup(30);
        contexts.authenticated(30, c);
        assertEquals(2, contexts.confirmedSize());
        assertNotSame(a, contexts.lookup(10), "the least recently used confirmed context was evicted");
    }
}
