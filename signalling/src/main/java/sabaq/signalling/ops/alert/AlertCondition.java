package sabaq.signalling.ops.alert;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an alert rule fires: {@code <metric> [increase [over <duration>]] <op> <number>[%] [for <duration>]}.
 *
 * <ul>
 *   <li>{@code metric} is one of {@link AlertMetrics} (for example {@code disk.free.ratio}, {@code lesson.loss},
 *       {@code media.internal_errors}).</li>
 *   <li>{@code increase} compares how much the metric grew instead of its value: since the previous evaluation, or
 *       over the given window ({@code increase over 5 minutes}). Meant for counters.</li>
 *   <li>{@code op} is one of {@code < <= > >= == !=}; a {@code %} after the number divides it by 100
 *       ({@code disk.free.ratio < 10%} is {@code disk.free.ratio < 0.10}).</li>
 *   <li>{@code for} makes the rule fire only after the comparison held at every evaluation for that long
 *       ({@code system.cpu > 0.90 for 1 minute}); without it the rule fires at the first evaluation that holds.</li>
 * </ul>
 */
public record AlertCondition(String metric, boolean increase, Duration increaseWindow, Comparison comparison,
                             double threshold, Duration holdFor) {
    /** Longest accepted condition text. */
    public static final int MAX_LENGTH = 200;
    public static final String SYNTAX = "<metric> [increase [over <duration>]] <op> <number>[%] [for <duration>]";

    private static final String DURATION = "\\d{1,9}(?:\\.\\d{1,9})?\\s*[a-z]{1,12}";
    private static final Pattern GRAMMAR = Pattern.compile("([a-z][a-z0-9_.]{0,79})"
            + "(?:\\s+(increase)(?:\\s+over\\s+(" + DURATION + "))?)?"
            + "\\s*(<=|>=|==|!=|<|>)\\s*"
            + "(-?\\d{1,15}(?:\\.\\d{1,15})?(?:e[-+]?\\d{1,3})?)(%?)"
            + "(?:\\s+for\\s+(" + DURATION + "))?");

    public AlertCondition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(increaseWindow, "increaseWindow");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(holdFor, "holdFor");
    }

    /** Parses a condition; throws {@link IllegalArgumentException} with a readable reason on any other text. */
    public static AlertCondition parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty condition; expected " + SYNTAX);
        if (text.length() > MAX_LENGTH) throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        Matcher m = GRAMMAR.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' does not read as " + SYNTAX
                    + ", e.g. 'system.cpu > 0.90 for 1 minute'");
        }
        String metric = m.group(1);
        if (metric.endsWith(".") || metric.contains("..")) throw new IllegalArgumentException("bad metric name '" + metric + "'");
        boolean increase = m.group(2) != null;
        Duration window = m.group(3) == null ? Duration.ZERO : DurationText.parse(m.group(3));
        Comparison comparison = Comparison.fromSymbol(m.group(4)).orElseThrow();
        double threshold = Double.parseDouble(m.group(5));
        if (!m.group(6).isEmpty()) threshold /= 100.0;
        threshold += 0.0; // -0 becomes 0, so equal conditions compare equal
        if (Double.isInfinite(threshold) || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold out of range in '" + text + "'");
        }
        Duration holdFor = m.group(7) == null ? Duration.ZERO : DurationText.parse(m.group(7));
        return new AlertCondition(metric, increase, window, comparison, threshold, holdFor);
    }

    /** The condition in canonical form (parses back to an equal condition). */
    public String text() {
        StringBuilder sb = new StringBuilder(metric);
        if (increase) {
            sb.append(" increase");
            if (!increaseWindow.isZero()) sb.append(" over ").append(DurationText.format(increaseWindow));
        }
        sb.append(' ').append(comparison.symbol()).append(' ').append(formatNumber(threshold));
        if (!holdFor.isZero()) sb.append(" for ").append(DurationText.format(holdFor));
        return sb.toString();
    }

    private static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return text();
    }
}
