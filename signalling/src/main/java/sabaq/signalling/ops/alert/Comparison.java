package sabaq.signalling.ops.alert;

import java.util.Optional;

/** The comparison of an alert condition between the observed value and the threshold. */
public enum Comparison {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True when {@code value <op> threshold}; never true for NaN. */
    public boolean holds(double value, double threshold) {
        if (Double.isNaN(value)) return false;
        switch (this) {
            case LESS:
                return value < threshold;
            case LESS_OR_EQUAL:
                return value <= threshold;
            case GREATER:
                return value > threshold;
            case GREATER_OR_EQUAL:
                return value >= threshold;
            case EQUAL:
                return value == threshold;
            default:
                return value != threshold;
        }
    }

    public static Optional<Comparison> fromSymbol(String s) {
        for (Comparison c : values()) if (c.symbol.equals(s)) return Optional.of(c);
        return Optional.empty();
    }
}
