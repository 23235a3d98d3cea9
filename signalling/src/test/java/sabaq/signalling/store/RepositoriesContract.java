package sabaq.signalling.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.AccountStatus;
import sabaq.signalling.account.Group;
import sabaq.signalling.account.GroupLesson;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.account.RoleChange;
import sabaq.signalling.audit.AuditEntry;
import sabaq.signalling.audit.FailedAccess;
import sabaq.signalling.audit.FailedAccessKind;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.auth.RefreshToken;
import sabaq.signalling.auth.ThrottleState;
import sabaq.signalling.auth.oidc.PendingLogin;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every implementation of the stores must do; run against Cassandra ({@code CassandraRepositoriesTest}) and
 * against the in-memory fakes ({@code InMemoryRepositoriesTest}), so unit tests using the fakes test real behaviour.
 */
abstract class RepositoriesContract {
    static final long T0 = 1_700_000_000_000L;
    static final long DAY = 86_400_000L;
    protected Repositories r;

    protected abstract Repositories fresh();

    @BeforeEach
    void setUp() {
        r = fresh();
    }

    static Account account(UUID org, String login, String email) {
        return new Account(UUID.randomUUID(), org, login, "Name " + login, email, LocalDate.of(2012, 5, 1),
                AccountStatus.ACTIVE, "$argon2id$hash", true, new byte[] {1, 2, 3}, null, null, null, null, T0, T0);
    }

    @Test
    void accountsAreFoundByIdLoginEmailAndOrganisation() {
        UUID org = UUID.randomUUID();
        Account a = account(org, "aigerim", "a@school.kz");
        assertTrue(r.accounts().create(a).await());
        Account stored = r.accounts().byId(a.id()).await();
        assertEquals("aigerim", stored.login());
        assertEquals(LocalDate.of(2012, 5, 1), stored.birthDate());
        assertArrayEquals(new byte[] {1, 2, 3}, stored.totpSecret());
        assertNull(stored.totpPending());
        assertTrue(stored.mustChangePassword());
        assertEquals(T0, stored.createdAt());
        assertEquals(a.id(), r.accounts().byLogin("aigerim").await().id());
        assertEquals(List.of(a.id()), r.accounts().byEmail(org, "a@school.kz").await().stream().map(Account::id).toList());
        assertEquals(1, r.accounts().inOrg(org).await().size());
        assertNull(r.accounts().byLogin("nobody").await());
        assertNull(r.accounts().byId(UUID.randomUUID()).await());
        assertTrue(r.accounts().byEmail(UUID.randomUUID(), "a@school.kz").await().isEmpty());
    }

    @Test
    void aLoginIsUniqueOnTheServer() {
        Account a = account(UUID.randomUUID(), "same", null);
        Account b = account(UUID.randomUUID(), "same", null);
        assertTrue(r.accounts().create(a).await());
        assertFalse(r.accounts().create(b).await());
        assertNull(r.accounts().byId(b.id()).await(), "nothing of the refused account is stored");
        Account c = account(UUID.randomUUID(), "other", null);
        assertTrue(r.accounts().create(c).await());
        Account renamed = c.edit().login("same").at(T0 + 1);
        assertFalse(r.accounts().update(c, renamed).await(), "renaming onto a taken login is refused");
        assertEquals("other", r.accounts().byId(c.id()).await().login());
    }

    @Test
    void updatesMoveTheLookups() {
        UUID org = UUID.randomUUID();
        Account a = account(org, "old", "old@x.kz");
        r.accounts().create(a).await();
        Account b = a.edit().login("new").email("new@x.kz").oidc("https://idp", "sub-1").displayName("Жаңа").at(T0 + 5)
                ;
        assertTrue(r.accounts().update(a, b).await());
        assertNull(r.accounts().byLogin("old").await());
        assertEquals("Жаңа", r.accounts().byLogin("new").await().displayName());
        assertTrue(r.accounts().byEmail(org, "old@x.kz").await().isEmpty());
        assertEquals(1, r.accounts().byEmail(org, "new@x.kz").await().size());
        assertEquals(a.id(), r.accounts().byOidc("https://idp", "sub-1").await().id());
        assertEquals(T0 + 5, r.accounts().byId(a.id()).await().updatedAt());
        assertTrue(r.accounts().create(account(org, "old", null)).await(), "the old login is free again");

        r.accounts().delete(b).await();
        assertNull(r.accounts().byId(a.id()).await());
        assertNull(r.accounts().byLogin("new").await());
        assertNull(r.accounts().byOidc("https://idp", "sub-1").await());
        assertEquals(1, r.accounts().inOrg(org).await().size());
    }

    @Test
    void eachTotpStepIsAcceptedOnceAndOnlyForward() {
        UUID user = UUID.randomUUID();
        assertTrue(r.accounts().acceptTotpStep(user, 100).await());
        assertFalse(r.accounts().acceptTotpStep(user, 100).await(), "replay");
        assertFalse(r.accounts().acceptTotpStep(user, 99).await(), "an older code after a newer one");
        assertTrue(r.accounts().acceptTotpStep(user, 101).await());
        assertTrue(r.accounts().acceptTotpStep(UUID.randomUUID(), 100).await(), "per account");
    }

    @Test
    void organisationsAndGroups() {
        Organisation o = new Organisation(UUID.randomUUID(), "Мектеп №1", T0);
        r.directory().saveOrganisation(o).await();
        assertEquals(o, r.directory().organisation(o.id()).await());
        assertTrue(r.directory().organisations().await().contains(o));
        Group g = new Group(o.id(), UUID.randomUUID(), "7A", T0);
        r.directory().saveGroup(g).await();
        r.directory().saveGroup(new Group(o.id(), g.id(), "7Ә", T0)).await();
        assertEquals("7Ә", r.directory().group(o.id(), g.id()).await().name());
        assertEquals(1, r.directory().groups(o.id()).await().size());
        r.directory().deleteGroup(g).await();
        assertNull(r.directory().group(o.id(), g.id()).await());
        assertNull(r.directory().organisation(UUID.randomUUID()).await());
    }

    @Test
    void rolesKeepTheirHistoryAndGroupMembers() {
        UUID user = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        RoleAssignment student = new RoleAssignment(user, org, AccountRole.STUDENT, group, T0, admin);
        RoleAssignment parent = new RoleAssignment(user, org, AccountRole.PARENT, null, T0 + 1, admin);
        r.roles().grant(student).await();
        r.roles().grant(parent).await();
        List<RoleAssignment> held = r.roles().assignments(user).await();
        assertEquals(2, held.size());
        assertTrue(held.stream().anyMatch(a -> a.sameGrant(parent) && a.groupId() == null));
        assertEquals(List.of(user), r.roles().members(org, group, AccountRole.STUDENT).await());
        assertEquals(List.of(user), r.roles().members(org, group).await());
        assertTrue(r.roles().members(org, group, AccountRole.TEACHER).await().isEmpty());

        r.roles().revoke(student, admin, T0 + 2).await();
        assertEquals(List.of(AccountRole.PARENT), r.roles().assignments(user).await().stream().map(RoleAssignment::role).toList());
        assertTrue(r.roles().members(org, group).await().isEmpty());
        List<RoleChange> history = r.roles().history(user).await();
        assertEquals(3, history.size());
        assertFalse(history.get(0).granted(), "newest first: the revocation");
        assertEquals(AccountRole.STUDENT, history.get(0).role());
        assertEquals(group, history.get(0).groupId());
        assertEquals(admin, history.get(0).by());
        assertEquals(T0 + 2, history.get(0).at());
    }

    @Test
    void parentLinksWorkBothWays() {
        UUID parent = UUID.randomUUID();
        UUID child1 = UUID.randomUUID();
        UUID child2 = UUID.randomUUID();
        r.roles().link(parent, child1).await();
        r.roles().link(parent, child2).await();
        assertEquals(Set.of(child1, child2), Set.copyOf(r.roles().children(parent).await()));
        assertEquals(List.of(parent), r.roles().parents(child1).await());
        r.roles().unlink(parent, child1).await();
        assertEquals(List.of(child2), r.roles().children(parent).await());
        assertTrue(r.roles().parents(child1).await().isEmpty());
    }

    @Test
    void groupLessonsNewestFirst() {
        UUID org = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            r.lessons().save(new GroupLesson(org, group, "lesson00000" + i, "L" + i, teacher, "T", T0 + i)).await();
        }
        r.lessons().save(new GroupLesson(org, UUID.randomUUID(), "otherGroup00", "X", teacher, "T", T0)).await();
        List<GroupLesson> latest = r.lessons().byGroup(org, group, 3).await();
        assertEquals(List.of("L4", "L3", "L2"), latest.stream().map(GroupLesson::title).toList());
        assertEquals(6, r.lessons().byOrg(org).await().size());
        assertEquals("L1", r.lessons().byId(org, "lesson000001").await().title());
        assertNull(r.lessons().byId(org, "nope00000000").await());
    }

    @Test
    void refreshTokensAreUsedOnceAndSessionsRevoked() {
        UUID user = UUID.randomUUID();
        UUID family = UUID.randomUUID();
        r.sessions().createFamily(family, user, T0, Duration.ofDays(1)).await();
        assertFalse(r.sessions().familyRevoked(family).await());
        assertTrue(r.sessions().familyRevoked(UUID.randomUUID()).await(), "unknown sessions count as revoked");
        byte[] hash = new byte[32];
        hash[0] = 7;
        r.sessions().saveToken(new RefreshToken(hash, user, family, T0 + DAY, false), Duration.ofDays(1)).await();
        RefreshToken t = r.sessions().token(hash).await();
        assertEquals(family, t.familyId());
        assertFalse(t.used());
        assertTrue(r.sessions().markUsed(hash).await());
        assertFalse(r.sessions().markUsed(hash).await(), "only one caller wins");
        assertTrue(r.sessions().token(hash).await().used());
        assertNull(r.sessions().token(new byte[32]).await());

        UUID second = UUID.randomUUID();
        r.sessions().createFamily(second, user, T0, Duration.ofDays(1)).await();
        r.sessions().revokeFamily(family).await();
        assertTrue(r.sessions().familyRevoked(family).await());
        assertFalse(r.sessions().familyRevoked(second).await());
        r.sessions().revokeAll(user).await();
        assertTrue(r.sessions().familyRevoked(second).await());
    }

    @Test
    void throttleStates() {
        assertEquals(ThrottleState.CLEAR, r.throttle().get("account:x").await());
        r.throttle().put("account:x", new ThrottleState(3, T0, T0 + 60_000), Duration.ofHours(1)).await();
        assertEquals(new ThrottleState(3, T0, T0 + 60_000), r.throttle().get("account:x").await());
        r.throttle().clear("account:x").await();
        assertEquals(ThrottleState.CLEAR, r.throttle().get("account:x").await());
    }

    @Test
    void aPendingLoginIsTakenOnce() {
        PendingLogin p = new PendingLogin("school", "nonce", "verifier", new byte[] {9}, "/my-lessons.html");
        r.pendingLogins().put("state-1", p, Duration.ofMinutes(10)).await();
        PendingLogin taken = r.pendingLogins().take("state-1").await();
        assertNotNull(taken);
        assertEquals("verifier", taken.verifier());
        assertArrayEquals(new byte[] {9}, taken.bindingHash());
        assertNull(r.pendingLogins().take("state-1").await());
        assertNull(r.pendingLogins().take("unknown").await());
    }

    @Test
    void theAuditLogAnswersByOrganisationActorSubjectAndPeriod() {
        UUID org = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID pupil = UUID.randomUUID();
        for (int day = 0; day < 4; day++) {
            r.audit().append(new AuditEntry(UUID.randomUUID(), T0 + day * DAY, org, admin, "administrator", "user.update",
                    "user", pupil.toString(), pupil, List.of(FieldChange.of("displayName", "A" + day, "B" + day),
                    FieldChange.redacted("password")), "10.0.0.1", "Firefox")).await();
        }
        r.audit().append(new AuditEntry(UUID.randomUUID(), T0, UUID.randomUUID(), UUID.randomUUID(), "administrator",
                "group.create", "group", "g", null, List.of(), "10.0.0.2", "Chrome")).await();

        List<AuditEntry> all = r.audit().byOrg(org, T0, T0 + 10 * DAY, 100).await();
        assertEquals(4, all.size());
        assertEquals(T0 + 3 * DAY, all.get(0).at(), "newest first");
        AuditEntry e = all.get(3);
        assertEquals(admin, e.actorId());
        assertEquals("administrator", e.actorRole());
        assertEquals("10.0.0.1", e.ip());
        assertEquals("Firefox", e.userAgent());
        assertEquals(List.of(FieldChange.of("displayName", "A0", "B0"), FieldChange.redacted("password")), e.changes());

        assertEquals(List.of(T0 + 2 * DAY, T0 + DAY), r.audit().byOrg(org, T0 + DAY, T0 + 2 * DAY, 100).await()
                .stream().map(AuditEntry::at).toList(), "the period is inclusive and crosses day partitions");
        assertEquals(2, r.audit().byOrg(org, T0, T0 + 10 * DAY, 2).await().size(), "limit");
        assertEquals(4, r.audit().byActor(admin, T0, T0 + 10 * DAY, 100).await().size());
        assertEquals(1, r.audit().bySubject(pupil, T0 + 3 * DAY, T0 + 3 * DAY, 100).await().size());
        assertTrue(r.audit().byActor(pupil, T0, T0 + 10 * DAY, 100).await().isEmpty());
    }

    @Test
    void failedAccessByOrganisationAndPeriod() {
        UUID org = UUID.randomUUID();
        r.failedAccess().record(new FailedAccess(UUID.randomUUID(), T0, org, FailedAccessKind.BAD_PASSWORD, "aigerim",
                UUID.randomUUID(), "10.0.0.9", "Chrome", null)).await();
        r.failedAccess().record(new FailedAccess(UUID.randomUUID(), T0 + DAY, org, FailedAccessKind.LOCKED, "aigerim",
                null, "10.0.0.9", "Chrome", "until 12:00")).await();
        List<FailedAccess> both = r.failedAccess().byOrg(org, T0, T0 + DAY, 10).await();
        assertEquals(List.of(FailedAccessKind.LOCKED, FailedAccessKind.BAD_PASSWORD),
                both.stream().map(FailedAccess::kind).collect(Collectors.toList()));
        assertEquals("until 12:00", both.get(0).detail());
        assertEquals(1, r.failedAccess().byOrg(org, T0 + 1, T0 + 2 * DAY, 10).await().size());
        assertTrue(r.failedAccess().byOrg(UUID.randomUUID(), T0, T0 + DAY, 10).await().isEmpty());
    }
}
