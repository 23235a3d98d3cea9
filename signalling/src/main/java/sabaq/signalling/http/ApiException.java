package sabaq.signalling.http;

import io.vertx.core.json.JsonObject;

/**
 * A refusal of an HTTP API request with its status, error code and message (docs/security.md lists the codes); the
 * API's failure handler answers it as {@code {"error": {"code", "message", ...details}}}. Has no stack trace: it is
 * an answer, not a fault.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final JsonObject details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, JsonObject details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra fields of the error object (e.g. {@code retryAfter}, {@code errors}); may be null. */
    public JsonObject details() {
        return details;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException unauthenticated() {
        return new ApiException(401, "UNAUTHENTICATED", "sign in first");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "FORBIDDEN", "your roles do not allow this");
    }
}
