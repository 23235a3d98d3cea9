package sabaq.signalling.audit;

import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.UUID;

/**
 * One failed access attempt: when (epoch ms), of which kind, the login tried and the account (when known), from
 * where, and a short detail. Attempts that match no organisation are kept under the platform organisation.
 */
public record FailedAccess(UUID id, long at, UUID orgId, FailedAccessKind kind, String login, UUID userId, String ip,
                           String userAgent, String detail) {
    public FailedAccess {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(kind, "kind");
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id.toString())
                .put("at", at)
                .put("orgId", orgId.toString())
                .put("kind", kind.wireName())
                .put("login", login)
                .put("userId", userId == null ? null : userId.toString())
                .put("ip", ip)
                .put("userAgent", userAgent)
                .put("detail", detail);
    }
}
