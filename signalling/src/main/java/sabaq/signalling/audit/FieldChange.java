package sabaq.signalling.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One changed field in an audit entry: its value before and after (null: absent). Secrets (passwords, TOTP keys) are
 * recorded {@link #redacted} only: that they changed, never a value.
 */
public record FieldChange(String field, String before, String after, boolean redacted) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
        if (redacted && (before != null || after != null)) throw new IllegalArgumentException("a redacted change has no values");
    }

    public static FieldChange of(String field, Object before, Object after) {
        return new FieldChange(field, before == null ? null : before.toString(), after == null ? null : after.toString(), false);
    }

    public static FieldChange redacted(String field) {
        return new FieldChange(field, null, null, true);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject().put("field", field);
        if (redacted) return o.put("redacted", true);
        return o.put("before", before).put("after", after);
    }

    public static String encode(List<FieldChange> changes) {
        JsonArray a = new JsonArray();
        for (FieldChange c : changes) a.add(c.toJson());
        return a.encode();
    }

    /** Reads what {@link #encode} wrote; an unreadable text gives no changes. */
    public static List<FieldChange> decode(String json) {
        List<FieldChange> out = new ArrayList<>();
        if (json == null || json.isEmpty()) return out;
        try {
            for (Object o : new JsonArray(json)) {
                JsonObject j = (JsonObject) o;
                out.add(j.getBoolean("redacted", false) ? redacted(j.getString("field"))
                        : new FieldChange(j.getString("field"), j.getString("before"), j.getString("after"), false));
            }
        } catch (RuntimeException e) {
            return new ArrayList<>();
        }
        return out;
    }
}
