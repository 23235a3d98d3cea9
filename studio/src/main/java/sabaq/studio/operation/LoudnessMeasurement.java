package sabaq.studio.operation;

import com.fasterxml.jackson.databind.JsonNode;
import sabaq.studio.Json;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The first pass of EBU R128 normalization: what FFmpeg's loudnorm filter measured (integrated loudness, true peak,
 * loudness range, threshold, and the offset it suggests), read from the JSON block it prints at the end of the run.
 *
 * @param silent the input has no measurable loudness (silence): the second pass is skipped
 */
public record LoudnessMeasurement(double inputI, double inputTp, double inputLra, double inputThresh, double targetOffset,
                                  boolean silent) {

    /** Parses the last {...} block of FFmpeg's output lines; empty when there is none or it is not loudnorm's. */
    public static Optional<LoudnessMeasurement> parse(List<String> lines) {
        int end = -1;
        int start = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (end < 0 && l.equals("}")) end = i;
            if (end >= 0 && l.equals("{")) {
                start = i;
                break;
            }
        }
        if (start < 0) return Optional.empty();
        StringBuilder json = new StringBuilder();
        for (int i = start; i <= end; i++) json.append(lines.get(i)).append('\n');
        try {
            JsonNode n = Json.MAPPER.readTree(json.toString());
            if (!n.has("input_i")) return Optional.empty();
            double i = number(n, "input_i");
            boolean silent = !Double.isFinite(i) || i < -70;
            return Optional.of(new LoudnessMeasurement(silent ? -70 : i, finite(number(n, "input_tp"), -70),
                    finite(number(n, "input_lra"), 0), finite(number(n, "input_thresh"), -80),
                    finite(number(n, "target_offset"), 0), silent));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The values the second pass (profile loudness, filter apply) needs. */
    public Map<String, String> applyParameters() {
        return Map.of("measured-i", f(inputI), "measured-tp", f(inputTp), "measured-lra", f(inputLra),
                "measured-thresh", f(inputThresh), "offset", f(targetOffset));
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) return Double.NaN;
        try {
            return Double.parseDouble(v.asText().strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double finite(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
