package sabaq.signalling.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.audit.AccountChanges;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FailedAccessKind;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.auth.Ages;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A parent's consent to sign a child in without the second factor (order No. 456 allows it for students under 16).
 * Only a parent linked to the child may give or withdraw it, only while the child is under {@code consentAge} by the
 * birth date on the account; the consent is recorded in the audit log ({@code mfa.consent}) with the parent as actor.
 * Sign-in honours it only while the child is still under that age.
 */
public final class ConsentService {
    private final Repositories repos;
    private final Auditor auditor;
    private final TimeSource time;
    private final int consentAge;

    public ConsentService(Repositories repos, Auditor auditor, TimeSource time, int consentAge) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.time = Objects.requireNonNull(time, "time");
        this.consentAge = consentAge;
    }

    /** The parent's linked children. */
    public Future<List<Account>> children(UUID parentId) {
        return repos.roles().children(parentId).compose(ids -> {
            List<Future<Account>> loads = new ArrayList<>();
            for (UUID id : ids) loads.add(repos.accounts().byId(id));
            return Future.all(loads).map(cf -> {
                List<Account> out = new ArrayList<>();
                for (int i = 0; i < cf.size(); i++) if (cf.resultAt(i) != null) out.add(cf.resultAt(i));
                return out;
            });
        });
    }

    /** True when the child is young enough for the consent. */
    public boolean eligible(Account child) {
        return child.birthDate() != null && Ages.years(child.birthDate(), Ages.today(time.epochMillis())) < consentAge;
    }

    /**
     * Switches the child's second factor off ({@code required} false) or back on. 403 when the child is not linked to
     * this parent (logged as failed access), 409 {@code CONSENT_REFUSED} when the child is {@code consentAge} or older
     * or has no birth date.
     */
    public Future<Account> setMfa(Actor parent, UUID parentOrgId, UUID childId, boolean required) {
        return repos.roles().children(parent.userId()).compose(children -> {
            if (!children.contains(childId)) {
                return auditor.failed(parentOrgId, FailedAccessKind.FORBIDDEN, null, parent.userId(), parent,
                        "mfa consent for an account that is not their child: " + childId)
                        .compose(v -> Future.failedFuture(ApiException.forbidden()));
            }
            return repos.accounts().byId(childId).compose(child -> {
                if (child == null) return Future.failedFuture(ApiException.notFound("no such child"));
                if (!required && !eligible(child)) {
                    String reason = child.birthDate() == null ? "no-birth-date" : "age";
                    return Future.failedFuture(new ApiException(409, "CONSENT_REFUSED",
                            "a parent may switch the second factor off only for a child under " + consentAge,
                            new JsonObject().put("reason", reason)));
                }
                Account after = child.edit().mfaWaivedBy(required ? null : parent.userId()).at(time.epochMillis());
                if (Objects.equals(after.mfaWaivedBy(), child.mfaWaivedBy())) return Future.succeededFuture(child);
                List<FieldChange> changes = new ArrayList<>(AccountChanges.diff(child, after));
                changes.add(FieldChange.of("mfa", required ? "waived" : "required", required ? "required" : "waived"));
                return repos.accounts().update(child, after)
                        .compose(v -> auditor.record(parent, child.orgId(), "mfa.consent", "user", child.id().toString(),
                                child.id(), changes))
                        .map(after);
            });
        });
    }
}
