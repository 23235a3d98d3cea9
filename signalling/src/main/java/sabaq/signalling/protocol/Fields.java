package sabaq.signalling.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed reads of request fields. Every read checks presence and JSON type (no coercion: {@code "true"} is not a
 * boolean, {@code 1.5} is not an integer) and fails with a {@code BAD_REQUEST} {@link ProtocolException} naming the field.
 */
public final class Fields {
    private Fields() {
    }

    public static String string(JsonObject o, String name, int minLength, int maxLength) {
        Object v = o.getValue(name);
        if (v == null) throw ProtocolException.badRequest("missing field: " + name);
        return checkedString(v, name, minLength, maxLength);
    }

    /** The string, or null when the field is absent or JSON null. */
    public static String optionalString(JsonObject o, String name, int minLength, int maxLength) {
        Object v = o.getValue(name);
        return v == null ? null : checkedString(v, name, minLength, maxLength);
    }

    private static String checkedString(Object v, String name, int minLength, int maxLength) {
        if (!(v instanceof String)) throw ProtocolException.badRequest("field " + name + " must be a string");
        String s = (String) v;
        if (s.length() < minLength || s.length() > maxLength) {
            throw ProtocolException.badRequest("field " + name + " must have " + minLength + " to " + maxLength + " characters");
        }
        return s;
    }

    public static boolean bool(JsonObject o, String name) {
        Object v = o.getValue(name);
        if (v == null) throw ProtocolException.badRequest("missing field: " + name);
        if (!(v instanceof Boolean)) throw ProtocolException.badRequest("field " + name + " must be true or false");
        return (Boolean) v;
    }

    /** The array, or an empty one when the field is absent; fails when it has more than {@code maxSize} entries. */
    public static JsonArray optionalArray(JsonObject o, String name, int maxSize) {
        Object v = o.getValue(name);
        if (v == null) return new JsonArray();
        if (!(v instanceof JsonArray)) throw ProtocolException.badRequest("field " + name + " must be an array");
        JsonArray a = (JsonArray) v;
        if (a.size() > maxSize) throw ProtocolException.badRequest("field " + name + " has more than " + maxSize + " entries");
        return a;
    }

    /** Entry {@code index} of an array that must hold objects. */
    public static JsonObject objectAt(JsonArray a, int index, String arrayName) {
        Object v = a.getValue(index);
        if (!(v instanceof JsonObject)) throw ProtocolException.badRequest(arrayName + "[" + index + "] must be an object");
        return (JsonObject) v;
    }
}
