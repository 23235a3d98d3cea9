package sabaq.media.sdp;

import java.util.Objects;

/**
 * A local host candidate address (RFC 8445 section 5.1.1.1): a literal IPv4 or IPv6 address (never a host name, so
 * writing it into SDP cannot inject anything) and a port.
 */
public record HostCandidate(String ip, int port) {
    public HostCandidate {
        Objects.requireNonNull(ip, "ip");
        if (!isIpv4(ip) && !isIpv6(ip)) {
            throw new IllegalArgumentException("not a literal IPv4 or IPv6 address: " + SdpSyntax.abbreviate(ip));
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    /** True for an IPv6 address, written {@code IN IP6} in a c= line. */
    public boolean isIpv6() {
        return ip.indexOf(':') >= 0;
    }

    private static boolean isIpv4(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String ip) {
        if (ip.length() < 2 || ip.length() > 45 || ip.indexOf(':') < 0) {
            return false;
        }
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            if (c != ':' && c != '.' && Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
