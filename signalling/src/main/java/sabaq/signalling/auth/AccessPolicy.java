package sabaq.signalling.auth;

import sabaq.signalling.account.AccountRole;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static sabaq.signalling.account.AccountRole.ADMINISTRATOR;
import static sabaq.signalling.account.AccountRole.DEPUTY_DIRECTOR;
import static sabaq.signalling.account.AccountRole.DIRECTOR;
import static sabaq.signalling.account.AccountRole.METHODIST;
import static sabaq.signalling.account.AccountRole.MONITOR;
import static sabaq.signalling.account.AccountRole.PARENT;
import static sabaq.signalling.account.AccountRole.STUDENT;
import static sabaq.signalling.account.AccountRole.STUDIO_STAFF;
import static sabaq.signalling.account.AccountRole.TEACHER;
import static sabaq.signalling.account.AccountRole.TUTOR;

/**
 * The one table of who may do what over HTTP: for each {@link Action}, the roles that allow it and the {@link Scope}
 * in which the role must be held. docs/security.md shows the same table and {@code AccessPolicyTest} checks that the
 * two agree; {@code AccessTableTest} checks every row over HTTP, allowed and refused.
 */
public final class AccessPolicy {
    private static final Map<Action, Scope> SCOPES = new EnumMap<>(Action.class);
    private static final Map<Action, Set<AccountRole>> ROLES = new EnumMap<>(Action.class);

    static {
        Set<AccountRole> everyone = EnumSet.allOf(AccountRole.class);
        row(Action.PROFILE_READ, Scope.SELF, everyone);
        row(Action.PROFILE_UPDATE, Scope.SELF, everyone);
        row(Action.PASSWORD_CHANGE, Scope.SELF, everyone);
        row(Action.ORG_CREATE, Scope.PLATFORM, EnumSet.of(ADMINISTRATOR));
        row(Action.ORG_READ, Scope.ORGANISATION, EnumSet.of(METHODIST, DIRECTOR, DEPUTY_DIRECTOR, MONITOR, ADMINISTRATOR));
        row(Action.GROUP_CREATE, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.GROUP_UPDATE, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.GROUP_DELETE, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.GROUP_READ, Scope.ORGANISATION, EnumSet.of(METHODIST, DIRECTOR, DEPUTY_DIRECTOR, MONITOR, ADMINISTRATOR));
        row(Action.USER_CREATE, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.USER_READ, Scope.ORGANISATION, EnumSet.of(DIRECTOR, DEPUTY_DIRECTOR, ADMINISTRATOR));
        row(Action.USER_UPDATE, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.USER_DELETE, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.CREDENTIALS_RESET, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.ROLE_GRANT, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.ROLE_REVOKE, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.ROLE_HISTORY_READ, Scope.ORGANISATION, EnumSet.of(DIRECTOR, DEPUTY_DIRECTOR, ADMINISTRATOR));
        row(Action.PARENT_LINK, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.USER_IMPORT, Scope.ORGANISATION, EnumSet.of(ADMINISTRATOR));
        row(Action.DATA_EXPORT, Scope.ORGANISATION, EnumSet.of(DIRECTOR, ADMINISTRATOR));
        row(Action.AUDIT_READ, Scope.ORGANISATION, EnumSet.of(MONITOR, ADMINISTRATOR));
        row(Action.FAILED_ACCESS_READ, Scope.ORGANISATION, EnumSet.of(MONITOR, ADMINISTRATOR));
        row(Action.CHILDREN_READ, Scope.OWN_CHILD, EnumSet.of(PARENT));
        row(Action.CHILD_MFA_CONSENT, Scope.OWN_CHILD, EnumSet.of(PARENT));
        row(Action.LESSON_CREATE, Scope.GROUP, EnumSet.of(TEACHER, ADMINISTRATOR));
        row(Action.LESSON_LIST, Scope.GROUP, EnumSet.of(TEACHER, TUTOR, STUDENT));
        row(Action.LESSON_JOIN, Scope.GROUP, EnumSet.of(TEACHER, TUTOR, STUDENT, METHODIST, DIRECTOR, DEPUTY_DIRECTOR));
        row(Action.OPS_READ, Scope.ANYWHERE, EnumSet.of(MONITOR, ADMINISTRATOR));
        Set<AccountRole> footprintReaders = EnumSet.of(METHODIST, DIRECTOR, DEPUTY_DIRECTOR, MONITOR, ADMINISTRATOR);
        row(Action.FOOTPRINT_READ, Scope.ORGANISATION, footprintReaders);
        row(Action.FOOTPRINT_OWN_READ, Scope.SELF, everyone);
        row(Action.FOOTPRINT_CHILD_READ, Scope.OWN_CHILD, EnumSet.of(PARENT));
        row(Action.CURRICULUM_READ, Scope.ORGANISATION, footprintReaders);
        row(Action.CURRICULUM_WRITE, Scope.ORGANISATION, EnumSet.of(METHODIST, DIRECTOR, ADMINISTRATOR));
        // The course studio (docs/studio.md): courses are not held by an organisation; everyone with a role may
        // browse what is published.
        row(Action.STUDIO_EDIT, Scope.ANYWHERE, EnumSet.of(METHODIST, STUDIO_STAFF));
        row(Action.CATALOG_READ, Scope.ANYWHERE, everyone);
        for (Action a : Action.values()) {
            if (!SCOPES.containsKey(a)) throw new ExceptionInInitializerError("no access row for " + a);
        }
    }

    private AccessPolicy() {
    }

    private static void row(Action action, Scope scope, Set<AccountRole> roles) {
        SCOPES.put(action, scope);
        ROLES.put(action, EnumSet.copyOf(roles));
    }

    public static Scope scope(Action action) {
        return SCOPES.get(action);
    }

    /** The roles that allow the action (in its scope). */
    public static Set<AccountRole> roles(Action action) {
        return EnumSet.copyOf(ROLES.get(action));
    }

    /** The outcome of a check: allowed or not, and the role that allowed it ("self" for own-account actions). */
    public record Decision(boolean allowed, String role) {
        static final Decision REFUSED = new Decision(false, null);
    }

    /**
     * Whether {@code p} may do {@code action} somewhere: what a route checks before it knows the target (the
     * handler then checks the target with {@link #decide}).
     */
    public static Decision decideAnywhere(Principal p, Action action) {
        if (scope(action) == Scope.SELF) return new Decision(true, "self");
        if (scope(action) == Scope.PLATFORM) return p.isPlatformAdmin() ? new Decision(true, ADMINISTRATOR.wireName()) : Decision.REFUSED;
        return firstOf(p.roles(), action);
    }

    /**
     * Whether {@code p} may do {@code action} on a target in organisation {@code orgId} and group {@code groupId}
     * (null when the target is not in a group). Own-child checks (the parent link) are the caller's.
     */
    public static Decision decide(Principal p, Action action, UUID orgId, UUID groupId) {
        switch (scope(action)) {
            case SELF:
                return new Decision(true, "self");
            case PLATFORM:
                return decideAnywhere(p, action);
            case ORGANISATION:
                return firstOf(p.rolesIn(orgId), action);
            case GROUP:
                return groupId == null ? firstOf(p.rolesIn(orgId), action) : firstOf(p.rolesInGroup(orgId, groupId), action);
            case OWN_CHILD:
            case ANYWHERE:
            default:
                return firstOf(p.roles(), action);
        }
    }

    private static Decision firstOf(Set<AccountRole> held, Action action) {
        for (AccountRole r : ROLES.get(action)) if (held.contains(r)) return new Decision(true, r.wireName());
        return Decision.REFUSED;
    }
}
