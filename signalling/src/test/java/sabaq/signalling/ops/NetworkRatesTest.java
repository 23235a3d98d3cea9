package sabaq.signalling.ops;

import org.junit.jupiter.api.Test;
import sabaq.signalling.ops.metrics.InterfaceCounters;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkRatesTest {
    @Test
    void bitsPerSecondPerInterfacePresentInBothReadings() {
        List<NetworkRate> r = NetworkRates.between(
                List.of(new InterfaceCounters("eth0", 1000, 1, 5000, 1), new InterfaceCounters("old", 1, 1, 1, 1)),
                List.of(new InterfaceCounters("eth0", 3500, 2, 4000, 2), new InterfaceCounters("new", 9, 9, 9, 9)), 5.0);
        assertEquals(List.of(new NetworkRate("eth0", 2500 * 8 / 5.0, 0)), r, "a counter that went down counts 0");
        assertEquals(List.of(), NetworkRates.between(List.of(), List.of(), 5.0));
        assertEquals(List.of(), NetworkRates.between(List.of(new InterfaceCounters("a", 1, 1, 1, 1)),
                List.of(new InterfaceCounters("a", 2, 2, 2, 2)), 0));
    }
}
