package sabaq.signalling.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the audit log: who ({@code actorId} and the role that allowed the action), what ({@code action} such as
 * {@code user.update} on a target, the person whose data it is, and the changed fields), when ({@code at}, epoch ms)
 * and from where (address, user agent). The actor is null for the server itself (start-up bootstrap).
 */
public record AuditEntry(UUID id, long at, UUID orgId, UUID actorId, String actorRole, String action, String targetType,
                         String targetId, UUID subjectId, List<FieldChange> changes, String ip, String userAgent) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        changes = List.copyOf(changes);
    }

    public JsonObject toJson() {
        JsonArray c = new JsonArray();
        for (FieldChange f : changes) c.add(f.toJson());
        return new JsonObject()
                .put("id", id.toString())
                .put("at", at)
                .put("orgId", orgId.toString())
                .put("actorId", actorId == null ? null : actorId.toString())
                .put("actorRole", actorRole)
                .put("action", action)
                .put("targetType", targetType)
                .put("targetId", targetId)
                .put("subjectId", subjectId == null ? null : subjectId.toString())
                .put("changes", c)
                .put("ip", ip)
                .put("userAgent", userAgent);
    }
}
