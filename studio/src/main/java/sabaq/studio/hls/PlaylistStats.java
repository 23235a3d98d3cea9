package sabaq.studio.hls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Bit rates of an HLS media playlist measured from its segment files (RFC 8216 section 4.3.4.2: BANDWIDTH is the
 * peak segment bit rate, AVERAGE-BANDWIDTH the average over the playlist), and its total duration.
 */
public record PlaylistStats(long peakBps, long averageBps, double durationSeconds, int segments) {

    public static PlaylistStats of(Path playlist) throws IOException {
        List<String> lines = Files.readAllLines(playlist, StandardCharsets.UTF_8);
        double total = 0;
        long bytes = 0;
        long peak = 0;
        int n = 0;
        double pending = -1;
        for (String raw : lines) {
            String l = raw.strip();
            if (l.startsWith("#EXTINF:")) {
                String v = l.substring("#EXTINF:".length());
                int comma = v.indexOf(',');
                pending = Double.parseDouble(comma >= 0 ? v.substring(0, comma) : v);
            } else if (!l.isEmpty() && !l.startsWith("#") && pending >= 0) {
                long size = Files.size(playlist.resolveSibling(l));
                total += pending;
                bytes += size;
                if (pending > 0.5) peak = Math.max(peak, Math.round(size * 8 / pending));
                n++;
                pending = -1;
            }
        }
        long avg = total > 0 ? Math.round(bytes * 8 / total) : 0;
        return new PlaylistStats(Math.max(peak, avg), avg, total, n);
    }
}
