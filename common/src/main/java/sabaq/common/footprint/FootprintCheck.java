package sabaq.common.footprint;

/**
 * The outcome of {@link FootprintEvent#check}: either the event, or the field that was wrong and why (a message fit for
 * an HTTP 400 body).
 */
public record FootprintCheck(FootprintEvent event, String field, String error) {

    static FootprintCheck ok(FootprintEvent e) {
        return new FootprintCheck(e, null, null);
    }

    static FootprintCheck bad(String field, String error) {
        return new FootprintCheck(null, field, error);
    }

    public boolean valid() {
        return event != null;
    }

    /** The event, or {@link IllegalArgumentException} with the error: for server-side emitters, whose input is trusted. */
    public FootprintEvent orThrow() {
        if (event == null) throw new IllegalArgumentException(field + ": " + error);
        return event;
    }
}
