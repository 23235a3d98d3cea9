package sabaq.signalling.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP network in CIDR notation (RFC 4632 for IPv4, RFC 4291 section 2.3 for IPv6), e.g. {@code 127.0.0.0/8},
 * {@code 10.1.0.0/16}, {@code ::1/128}; a bare address is a network of one. IPv4-mapped IPv6 addresses
 * ({@code ::ffff:127.0.0.1}) count as the IPv4 address.
 */
public final class IpNetwork {
    // Only IP literals reach InetAddress.getByName, so parsing never does a DNS lookup.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private IpNetwork(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** Parses {@code address[/prefix]}; empty when it is not an IP network. */
    public static Optional<IpNetwork> parse(String cidr) {
        if (cidr == null) return Optional.empty();
        String s = cidr.trim();
        int slash = s.indexOf('/');
        String addressPart = slash < 0 ? s : s.substring(0, slash);
        byte[] address = parseAddress(addressPart);
        if (address == null) return Optional.empty();
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) return Optional.empty();
            prefix = Integer.parseInt(p);
            if (prefix > bits) return Optional.empty();
        }
        return Optional.of(new IpNetwork(mask(address, prefix), prefix, s));
    }

    /** The bytes of an IPv4 (4) or IPv6 (16) literal, without any name lookup; null when it is not one. */
    public static byte[] parseAddress(String literal) {
        if (literal == null) return null;
        String s = literal.trim();
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        boolean v4 = IPV4.matcher(s).matches();
        if (!v4 && !(s.indexOf(':') >= 0 && IPV6.matcher(s).matches())) return null;
        if (v4) {
            for (String part : s.split("\\.")) if (Integer.parseInt(part) > 255) return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    /** True when the address (an IP literal, e.g. from a socket) is inside this network. */
    public boolean contains(String address) {
        byte[] a = parseAddress(address);
        return a != null && a.length == network.length && java.util.Arrays.equals(mask(a, prefix), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF00 >> keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
