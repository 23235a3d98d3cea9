package sabaq.signalling.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.Group;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.account.RoleChange;

import java.util.List;

/** JSON forms of accounts, roles, organisations and groups in API answers. Secrets never appear. */
public final class AccountJson {
    private AccountJson() {
    }

    public static JsonObject account(Account a, List<RoleAssignment> roles) {
        JsonObject o = new JsonObject()
                .put("id", a.id().toString())
                .put("orgId", a.orgId().toString())
                .put("login", a.login())
                .put("displayName", a.displayName())
                .put("email", a.email())
                .put("birthDate", a.birthDate() == null ? null : a.birthDate().toString())
                .put("status", a.status().wireName())
                .put("mustChangePassword", a.mustChangePassword())
                .put("totpEnrolled", a.totpEnrolled())
                .put("mfaWaived", a.mfaWaivedBy() != null)
                .put("oidcLinked", a.oidcIssuer() != null)
                .put("createdAt", a.createdAt())
                .put("updatedAt", a.updatedAt());
        if (roles != null) o.put("roles", roles(roles));
        return o;
    }

    public static JsonArray roles(List<RoleAssignment> roles) {
        JsonArray a = new JsonArray();
        for (RoleAssignment r : roles) {
            a.add(new JsonObject().put("role", r.role().wireName()).put("orgId", r.orgId().toString())
                    .put("groupId", r.groupId() == null ? null : r.groupId().toString()).put("grantedAt", r.grantedAt()));
        }
        return a;
    }

    public static JsonObject change(RoleChange c) {
        return new JsonObject().put("at", c.at()).put("change", c.granted() ? "granted" : "revoked")
                .put("role", c.role().wireName()).put("orgId", c.orgId().toString())
                .put("groupId", c.groupId() == null ? null : c.groupId().toString())
                .put("by", c.by() == null ? null : c.by().toString());
    }

    public static JsonObject organisation(Organisation o) {
        return new JsonObject().put("id", o.id().toString()).put("name", o.name()).put("platform", o.isPlatform())
                .put("createdAt", o.createdAt());
    }

    public static JsonObject group(Group g) {
        return new JsonObject().put("id", g.id().toString()).put("orgId", g.orgId().toString()).put("name", g.name())
                .put("createdAt", g.createdAt());
    }
}
