package sabaq.signalling.auth;

import sabaq.signalling.account.Account;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.account.RoleAssignment;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person behind a request: the account as stored at this request and its role assignments (both
 * read fresh for every request, so a disabled account or a revoked role takes effect at once), and the session id.
 */
public final class Principal {
    private final Account account;
    private final List<RoleAssignment> assignments;
    private final UUID sessionId;

    public Principal(Account account, List<RoleAssignment> assignments, UUID sessionId) {
        this.account = Objects.requireNonNull(account, "account");
        this.assignments = List.copyOf(assignments);
        this.sessionId = sessionId;
    }

    public Account account() {
        return account;
    }

    public UUID userId() {
        return account.id();
    }

    public UUID sessionId() {
        return sessionId;
    }

    public List<RoleAssignment> assignments() {
        return assignments;
    }

    /** An administrator of the platform organisation: administers every organisation. */
    public boolean isPlatformAdmin() {
        for (RoleAssignment a : assignments) {
            if (a.role() == AccountRole.ADMINISTRATOR && Organisation.PLATFORM.equals(a.orgId())) return true;
        }
        return false;
    }

    /** Every role held anywhere. */
    public Set<AccountRole> roles() {
        Set<AccountRole> out = EnumSet.noneOf(AccountRole.class);
        for (RoleAssignment a : assignments) out.add(a.role());
        return out;
    }

    /** Roles held in the organisation (for the whole of it or one of its groups); a platform administrator's included. */
    public Set<AccountRole> rolesIn(UUID orgId) {
        Set<AccountRole> out = EnumSet.noneOf(AccountRole.class);
        for (RoleAssignment a : assignments) if (a.orgId().equals(orgId)) out.add(a.role());
        if (isPlatformAdmin()) out.add(AccountRole.ADMINISTRATOR);
        return out;
    }

    /** Roles held for the group or for the whole of its organisation; a platform administrator's included. */
    public Set<AccountRole> rolesInGroup(UUID orgId, UUID groupId) {
        Set<AccountRole> out = EnumSet.noneOf(AccountRole.class);
        for (RoleAssignment a : assignments) {
            if (a.orgId().equals(orgId) && (a.groupId() == null || a.groupId().equals(groupId))) out.add(a.role());
        }
        if (isPlatformAdmin()) out.add(AccountRole.ADMINISTRATOR);
        return out;
    }

    @Override
    public String toString() {
        return "Principal[" + account.id() + " " + account.login() + "]";
    }
}
