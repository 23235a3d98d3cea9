package sabaq.signalling.ops;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpNetworkTest {

    private static IpNetwork net(String cidr) {
        return IpNetwork.parse(cidr).orElseThrow(() -> new AssertionError("should parse: " + cidr));
    }

    @Test
    void ipv4Networks() {
        IpNetwork loopback = net("127.0.0.0/8");
        assertTrue(loopback.contains("127.0.0.1"));
        assertTrue(loopback.contains("127.255.1.2"));
        assertFalse(loopback.contains("128.0.0.1"));
        IpNetwork odd = net("10.1.2.160/27");
        assertTrue(odd.contains("10.1.2.191"));
        assertTrue(odd.contains("10.1.2.160"));
        assertFalse(odd.contains("10.1.2.192"));
        assertFalse(odd.contains("10.1.2.159"));
        assertTrue(net("0.0.0.0/0").contains("203.0.113.9"));
        assertTrue(net("192.0.2.7").contains("192.0.2.7"));
        assertFalse(net("192.0.2.7").contains("192.0.2.8"));
    }

    @Test
    void ipv6NetworksAndMappedAddresses() {
        assertTrue(net("::1/128").contains("0:0:0:0:0:0:0:1"));
        assertTrue(net("::1/128").contains("[::1]"));
        assertTrue(net("::1/128").contains("::1%lo"));
        assertFalse(net("::1/128").contains("::2"));
        assertTrue(net("2001:db8::/32").contains("2001:db8:ffff::1"));
        assertFalse(net("2001:db8::/32").contains("2001:db9::1"));
        assertTrue(net("127.0.0.0/8").contains("::ffff:127.0.0.1"), "IPv4-mapped IPv6 counts as IPv4");
        assertFalse(net("::1/128").contains("127.0.0.1"));
    }

    @Test
    void refusesNonAddressesWithoutLookingNamesUp() {
        for (String bad : new String[] {"", "localhost", "example.org", "127.0.0.0/33", "::1/129", "256.0.0.1",
                "1.2.3", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/8/8", ":::", "12345::", "fe80::1::2", null}) {
            assertEquals(Optional.empty(), IpNetwork.parse(bad), String.valueOf(bad));
        }
        assertNull(IpNetwork.parseAddress("sabaq.kz"));
        assertFalse(net("0.0.0.0/0").contains("not-an-address"));
        assertFalse(net("0.0.0.0/0").contains(null));
    }

    /** Fuzz: arbitrary text never throws, and whatever parses contains its own network address. */
    @Test
    void fuzz() {
        Random random = new Random(42);
        String alphabet = "0123456789abcdef:./%[]xyz ";
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            char[] c = new char[random.nextInt(24)];
            for (int k = 0; k < c.length; k++) c[k] = alphabet.charAt(random.nextInt(alphabet.length()));
            String text = i % 3 == 0 ? random.nextInt(256) + "." + random.nextInt(300) + ".0.1/" + random.nextInt(40) : new String(c);
            Optional<IpNetwork> n = IpNetwork.parse(text);
            if (n.isPresent()) {
                parsed++;
                String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
                assertTrue(n.get().contains(address), text);
            }
            IpNetwork.parseAddress(text);
        }
        assertTrue(parsed > 500, "parsed " + parsed);
    }
}
