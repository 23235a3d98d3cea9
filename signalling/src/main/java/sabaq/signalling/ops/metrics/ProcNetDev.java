package sabaq.signalling.ops.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser of Linux {@code /proc/net/dev}: two header lines, then one line per interface,
 * {@code <name>: <16 numbers>}, the receive columns (bytes, packets, errs, drop, fifo, frame, compressed, multicast)
 * followed by the transmit columns (bytes, packets, errs, drop, fifo, colls, carrier, compressed). Lines that do not
 * read as such (headers, truncated or garbled lines) are skipped; never throws.
 */
public final class ProcNetDev {
    /** Longest interface name Linux allows (IFNAMSIZ - 1). */
    public static final int MAX_NAME = 15;
    private static final int FIELDS = 16;
    private static final int MAX_INTERFACES = 4096;

    private ProcNetDev() {
    }

    public static List<InterfaceCounters> parse(String text) {
        List<InterfaceCounters> out = new ArrayList<>();
        if (text == null) return out;
        int start = 0;
        int n = text.length();
        while (start < n && out.size() < MAX_INTERFACES) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = n;
            InterfaceCounters row = line(text, start, end);
            if (row != null) out.add(row);
            start = end + 1;
        }
        return out;
    }

    private static InterfaceCounters line(String text, int start, int end) {
        int colon = text.indexOf(':', start);
        if (colon < 0 || colon >= end) return null;
        String name = text.substring(start, colon).trim();
        if (name.isEmpty() || name.length() > MAX_NAME || !printable(name)) return null;
        long[] values = new long[FIELDS];
        int count = 0;
        int i = colon + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (count == FIELDS) return null;
            long v = 0;
            int digits = 0;
            while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                if (digits >= 18) return null;
                v = v * 10 + (text.charAt(i) - '0');
                digits++;
                i++;
            }
            if (digits == 0) return null;
            if (i < end && text.charAt(i) != ' ' && text.charAt(i) != '\t' && text.charAt(i) != '\r') return null;
            values[count++] = v;
        }
        if (count != FIELDS) return null;
        return new InterfaceCounters(name, values[0], values[1], values[8], values[9]);
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~' || c == ':' || c == '/') return false;
        }
        return true;
    }
}
