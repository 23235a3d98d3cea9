package sabaq.signalling.ops.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcNetDevTest {
    /** A real /proc/net/dev of a Debian machine (Linux 6.1). */
    static final String SAMPLE = "Inter-|   Receive                                                |  Transmit\n"
            + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
            + "    lo: 2148303   19331    0    0    0     0          0         0  2148303   19331    0    0    0     0       0          0\n"
            + "  eth0: 918273645 812345    0   12    0     0          0       311 123456789  98765    0    0    0     0       0          0\n"
            + "wlp2s0: 0 0 0 0 0 0 0 0 18446744073 7 0 0 0 0 0 0\n";

    @Test
    void readsEveryInterface() {
        List<InterfaceCounters> rows = ProcNetDev.parse(SAMPLE);
        assertEquals(3, rows.size());
        assertEquals(new InterfaceCounters("lo", 2148303, 19331, 2148303, 19331), rows.get(0));
        assertEquals(new InterfaceCounters("eth0", 918273645, 812345, 123456789, 98765), rows.get(1));
        assertEquals(18446744073L, rows.get(2).txBytes());
    }

    @Test
    void skipsHeadersAndBrokenLines() {
        String text = SAMPLE
                + "  bad0: 1 2 3\n"
                + "  bad1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n"
                + "  bad2: 1 2 3 4 5 6 7 8 x 10 11 12 13 14 15 16\n"
                + "  bad3: 1 2 3 4 5 6 7 8 9- 10 11 12 13 14 15 16\n"
                + "  bad4: 99999999999999999999 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"
                + "bad name: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"
                + ": 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"
                + "  eth1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16";
        List<InterfaceCounters> rows = ProcNetDev.parse(text);
        assertEquals(List.of("lo", "eth0", "wlp2s0", "eth1"), rows.stream().map(InterfaceCounters::name).toList());
        assertEquals(new InterfaceCounters("eth1", 1, 2, 9, 10), rows.get(3));
        assertEquals(List.of(), ProcNetDev.parse(""));
        assertEquals(List.of(), ProcNetDev.parse(null));
    }

    /** Fuzz: random and mutated inputs never throw, and every row has a sane name and non-negative counters. */
    @Test
    void fuzz() {
        Random random = new Random(7);
        String alphabet = "0123456789 :\n\tabcdefghijklmnop|-";
        for (int i = 0; i < 200_000; i++) {
            String text;
            if (i % 2 == 0) {
                StringBuilder sb = new StringBuilder(SAMPLE);
                for (int e = 1 + random.nextInt(6); e > 0; e--) {
                    int at = random.nextInt(sb.length());
                    if (random.nextBoolean()) sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    else sb.delete(at, Math.min(sb.length(), at + random.nextInt(8)));
                    if (sb.length() == 0) break;
                }
                text = sb.toString();
            } else {
                char[] c = new char[random.nextInt(200)];
                for (int k = 0; k < c.length; k++) c[k] = alphabet.charAt(random.nextInt(alphabet.length()));
                text = new String(c);
            }
            for (InterfaceCounters row : ProcNetDev.parse(text)) {
                assertTrue(!row.name().isEmpty() && row.name().length() <= ProcNetDev.MAX_NAME, text);
                assertTrue(row.rxBytes() >= 0 && row.rxPackets() >= 0 && row.txBytes() >= 0 && row.txPackets() >= 0, text);
            }
        }
    }
}
