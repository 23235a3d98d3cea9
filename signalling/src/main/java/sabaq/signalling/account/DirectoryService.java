package sabaq.signalling.account;

import io.vertx.core.Future;
import sabaq.common.time.TimeSource;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Organisations and groups: creation, renaming, deletion (of empty groups only), each audited. */
public final class DirectoryService {
    private final Repositories repos;
    private final Auditor auditor;
    private final TimeSource time;

    public DirectoryService(Repositories repos, Auditor auditor, TimeSource time) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.time = Objects.requireNonNull(time, "time");
    }

    public Future<Organisation> createOrganisation(Actor actor, String name) {
        Organisation o = new Organisation(UUID.randomUUID(), name, time.epochMillis());
        return repos.directory().saveOrganisation(o)
                .compose(v -> auditor.record(actor, o.id(), "organisation.create", "organisation", o.id().toString(), null,
                        List.of(FieldChange.of("name", null, name))))
                .map(o);
    }

    /** The organisation; 404 when unknown. The platform organisation exists from the first start. */
    public Future<Organisation> require(UUID orgId) {
        return repos.directory().organisation(orgId).compose(o -> o == null
                ? Future.failedFuture(ApiException.notFound("no such organisation")) : Future.succeededFuture(o));
    }

    public Future<Group> requireGroup(UUID orgId, UUID groupId) {
        return repos.directory().group(orgId, groupId).compose(g -> g == null
                ? Future.failedFuture(ApiException.notFound("no such group")) : Future.succeededFuture(g));
    }

    public Future<Group> createGroup(Actor actor, UUID orgId, String name) {
        Group g = new Group(orgId, UUID.randomUUID(), name, time.epochMillis());
        return repos.directory().saveGroup(g)
                .compose(v -> auditor.record(actor, orgId, "group.create", "group", g.id().toString(), null,
                        List.of(FieldChange.of("name", null, name))))
                .map(g);
    }

    public Future<Group> renameGroup(Actor actor, Group g, String name) {
        Group renamed = new Group(g.orgId(), g.id(), name, g.createdAt());
        return repos.directory().saveGroup(renamed)
                .compose(v -> auditor.record(actor, g.orgId(), "group.update", "group", g.id().toString(), null,
                        List.of(FieldChange.of("name", g.name(), name))))
                .map(renamed);
    }

    /** Deletes a group nobody holds a role in; 409 {@code GROUP_NOT_EMPTY} otherwise. */
    public Future<Void> deleteGroup(Actor actor, Group g) {
        return repos.roles().members(g.orgId(), g.id()).compose(members -> {
            if (!members.isEmpty()) {
                return Future.failedFuture(new ApiException(409, "GROUP_NOT_EMPTY", "revoke the roles held in this group first"));
            }
            return repos.directory().deleteGroup(g).compose(v -> auditor.record(actor, g.orgId(), "group.delete", "group",
                    g.id().toString(), null, List.of(FieldChange.of("name", g.name(), null))));
        });
    }
}
