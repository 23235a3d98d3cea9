package sabaq.signalling.account;

import io.vertx.core.Future;
import sabaq.common.time.TimeSource;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Granting and revoking roles (with their history) and linking parents to children. Roles are granted in the
 * account's own organisation only, and a group must belong to it; the platform administrator role exists only in
 * the platform organisation, so only a platform administrator can grant it. Every change is audited.
 */
public final class RoleService {
    private final Repositories repos;
    private final Auditor auditor;
    private final TimeSource time;

    public RoleService(Repositories repos, Auditor auditor, TimeSource time) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Fails with 400 when a group is not one of the organisation's. */
    public Future<Void> checkGroups(UUID orgId, List<RoleSpec> specs) {
        List<Future<Group>> lookups = new ArrayList<>();
        for (RoleSpec s : specs) {
            if (s.groupId() != null) lookups.add(repos.directory().group(orgId, s.groupId()));
        }
        return Future.all(lookups).compose(cf -> {
            for (int i = 0; i < cf.size(); i++) {
                if (cf.resultAt(i) == null) return Future.failedFuture(ApiException.badRequest("no such group in this organisation"));
            }
            return Future.succeededFuture();
        });
    }

    /** Grants one role; 409 {@code ROLE_HELD} when it is held already. Audited as {@code role.grant}. */
    public Future<Void> grant(Actor actor, Account target, RoleSpec spec) {
        return checkGroups(target.orgId(), List.of(spec)).compose(v -> repos.roles().assignments(target.id())).compose(held -> {
            RoleAssignment a = assignment(actor, target, spec);
            for (RoleAssignment h : held) {
                if (h.sameGrant(a)) return Future.failedFuture(new ApiException(409, "ROLE_HELD", "this role is held already"));
            }
            return grantAll(actor, target, List.of(spec), true);
        });
    }

    /** Grants roles to a new or existing account; {@code audited}: one {@code role.grant} entry per role. */
    Future<Void> grantAll(Actor actor, Account target, List<RoleSpec> specs, boolean audited) {
        Future<Void> chain = Future.succeededFuture();
        for (RoleSpec s : specs) {
            RoleAssignment a = assignment(actor, target, s);
            chain = chain.compose(v -> repos.roles().grant(a)).compose(v -> !audited ? Future.succeededFuture()
                    : auditor.record(actor, target.orgId(), "role.grant", "role", a.label(), target.id(),
                            List.of(FieldChange.of("role", null, a.label()))));
        }
        return chain;
    }

    /**
     * Revokes one role; 404 when not held, 409 {@code SELF_LOCKOUT} when administrators would revoke their own
     * administrator role. Audited as {@code role.revoke}.
     */
    public Future<Void> revoke(Actor actor, Account target, RoleSpec spec) {
        if (spec.role() == AccountRole.ADMINISTRATOR && target.id().equals(actor.userId())) {
            return Future.failedFuture(new ApiException(409, "SELF_LOCKOUT", "you cannot revoke your own administrator role"));
        }
        return repos.roles().assignments(target.id()).compose(held -> {
            for (RoleAssignment h : held) {
                if (h.orgId().equals(target.orgId()) && h.role() == spec.role() && Objects.equals(h.groupId(), spec.groupId())) {
                    return repos.roles().revoke(h, actor.userId(), time.epochMillis())
                            .compose(v -> auditor.record(actor, target.orgId(), "role.revoke", "role", h.label(), target.id(),
                                    List.of(FieldChange.of("role", h.label(), null))));
                }
            }
            return Future.failedFuture(ApiException.notFound("this role is not held"));
        });
    }

    /** Revokes every role of an account being deleted (the history keeps them). */
    Future<Void> revokeAll(Actor actor, Account target) {
        return repos.roles().assignments(target.id()).compose(held -> {
            Future<Void> chain = Future.succeededFuture();
            for (RoleAssignment h : held) chain = chain.compose(v -> repos.roles().revoke(h, actor.userId(), time.epochMillis()));
            return chain;
        });
    }

    /** Removes an account's parent and child links. */
    Future<Void> unlinkAll(UUID userId) {
        return Future.all(repos.roles().children(userId), repos.roles().parents(userId)).compose(cf -> {
            List<Future<Void>> done = new ArrayList<>();
            for (UUID child : cf.<List<UUID>>resultAt(0)) done.add(repos.roles().unlink(userId, child));
            for (UUID parent : cf.<List<UUID>>resultAt(1)) done.add(repos.roles().unlink(parent, userId));
            return Future.all(done).mapEmpty();
        });
    }

    /**
     * Links (or unlinks) a parent and a child of the same organisation; the parent must hold the parent role there.
     * Audited as {@code parent.link} / {@code parent.unlink} on the child's data.
     */
    public Future<Void> link(Actor actor, Account parent, Account child, boolean linked) {
        if (!parent.orgId().equals(child.orgId()) || parent.id().equals(child.id())) {
            return Future.failedFuture(ApiException.badRequest("parent and child must be two accounts of one organisation"));
        }
        return repos.roles().assignments(parent.id()).compose(held -> {
            boolean isParent = held.stream().anyMatch(h -> h.role() == AccountRole.PARENT && h.orgId().equals(parent.orgId()));
            if (linked && !isParent) return Future.failedFuture(ApiException.badRequest("grant the parent role first"));
            Future<Void> change = linked ? repos.roles().link(parent.id(), child.id()) : repos.roles().unlink(parent.id(), child.id());
            return change.compose(v -> auditor.record(actor, child.orgId(), linked ? "parent.link" : "parent.unlink", "user",
                    child.id().toString(), child.id(), List.of(linked ? FieldChange.of("parent", null, parent.id())
                            : FieldChange.of("parent", parent.id(), null))));
        });
    }

    private RoleAssignment assignment(Actor actor, Account target, RoleSpec s) {
        return new RoleAssignment(target.id(), target.orgId(), s.role(), s.groupId(), time.epochMillis(), actor.userId());
    }
}
