package sabaq.studio.subtitle;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes cues as WebVTT (W3C WebVTT). Text keeps the basic formatting tags both formats share ({@code <b>},
 * {@code <i>}, {@code <u>}); SubRip's ASS-style position codes ({@code {\an8}}) are dropped, a stray '&' or '<' is
 * escaped and "-->" inside text is broken up, since those would end or corrupt the cue. For HLS the file starts
 * with an {@code X-TIMESTAMP-MAP} header (RFC 8216 section 3.5) tying cue time 0 to the video's first timestamp.
 */
public final class WebVttWriter {
    private static final Pattern ASS_CODES = Pattern.compile("\\{\\\\[^}]*}");
    private static final Pattern AMP = Pattern.compile("&(?![a-zA-Z]{2,8};|#\\d{1,6};)");
    private static final Pattern LT = Pattern.compile("<(?!/?(?:b|i|u)>)");

    private WebVttWriter() {
    }

    /**
     * @param mpegTsStart the MPEG-TS timestamp (90 kHz) of the video's first frame, or -1 for no timestamp map
     */
    public static String write(List<Cue> cues, long mpegTsStart) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        if (mpegTsStart >= 0) out.append("X-TIMESTAMP-MAP=MPEGTS:").append(mpegTsStart).append(",LOCAL:00:00:00.000\n");
        out.append('\n');
        for (Cue c : cues) {
            out.append(c.number()).append('\n')
                    .append(time(c.startMillis())).append(" --> ").append(time(c.endMillis())).append('\n')
                    .append(cleanText(c.text())).append("\n\n");
        }
        return out.toString();
    }

    static String cleanText(String text) {
        String t = ASS_CODES.matcher(text).replaceAll("");
        t = AMP.matcher(t).replaceAll("&amp;");
        t = LT.matcher(t).replaceAll("&lt;");
        t = t.replace("-->", "->");
        StringBuilder out = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            if (line.isBlank()) continue;
            if (out.length() > 0) out.append('\n');
            out.append(line);
        }
        return out.length() == 0 ? " " : out.toString();
    }

    /** {@code hh:mm:ss.ttt}. */
    public static String time(long millis) {
        long ms = Math.max(0, millis);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60, ms % 1000);
    }
}
