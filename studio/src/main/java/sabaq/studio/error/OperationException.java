package sabaq.studio.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step (or an upload check) refused its input or could not finish: a {@link StudioError} code with its arguments
 * for the localized message, and a detail for the log.
 */
public final class OperationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final StudioError code;
    private final Map<String, String> args;

    public OperationException(StudioError code, Map<String, String> args, String detail) {
        super(code + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.code = code;
        this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public OperationException(StudioError code, Map<String, String> args, String detail, Throwable cause) {
        this(code, args, detail);
        initCause(cause);
    }

    public StudioError code() {
        return code;
    }

    public Map<String, String> args() {
        return args;
    }
}
