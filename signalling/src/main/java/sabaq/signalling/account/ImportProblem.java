package sabaq.signalling.account;

import io.vertx.core.json.JsonObject;

/** A problem found in a CSV import: the row (line of the file; the header is row 1), the column, and what is wrong. */
public record ImportProblem(int row, String column, String message) {
    public JsonObject toJson() {
        return new JsonObject().put("row", row).put("column", column).put("message", message);
    }
}
