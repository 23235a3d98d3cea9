package sabaq.signalling.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.ApiClient.Response;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestCassandra;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per row of the action × role table (docs/security.md section 5), over HTTP against Cassandra: each of the
 * ten roles makes the row's request; it must succeed for the roles the table allows and be refused (403, nothing
 * changed) for the others, and without a session it is 401. Scope rows are also tried from outside their scope.
 */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class AccessTableTest {
    static final String PASSWORD = "Role-Password-1";
    static final String PLATFORM = sabaq.signalling.account.Organisation.PLATFORM.toString();
    static SignallingFixture f;
    static ApiClient root;
    static UUID school;
    static UUID g1;
    static UUID g2;
    static UUID kid;
    static String lesson;
    static final Map<AccountRole, ApiClient> users = new EnumMap<>(AccountRole.class);
    static final Map<AccountRole, UUID> ids = new EnumMap<>(AccountRole.class);
    static ApiClient otherSchoolAdmin;
    static ApiClient teacherOfG2;
    static final AtomicInteger counter = new AtomicInteger();

    @BeforeAll
    static void world(Vertx vertx) {
        TestCassandra.truncateAll();
        f = SignallingFixture.start(vertx, "auth.initial-admin { login = root, password = \"Root-Initial-1\" }\n"
                + "auth.mfa-required = false\nallow-guest-join = false\nops.allowed-networks = []", TestCassandra.repositories(),
                AccessTableTest::studioRoutes);
        root = new ApiClient(f.port());
        Accounts.firstSignIn(root, f.time, "root", "Root-Initial-1", PASSWORD);
        school = UUID.fromString(root.post("/api/orgs", new JsonObject().put("name", "School 1")).json().getString("id"));
        g1 = group("7A");
        g2 = group("7B");
        for (AccountRole r : AccountRole.values()) {
            boolean grouped = r == AccountRole.TEACHER || r == AccountRole.TUTOR || r == AccountRole.STUDENT;
            ids.put(r, UUID.fromString(Accounts.createUser(root, school, "u-" + r.wireName(), "Initial-" + PASSWORD,
                    new JsonArray().add(Accounts.role(r.wireName(), grouped ? g1 : null))).getString("id")));
            users.put(r, signedIn("u-" + r.wireName()));
        }
        kid = UUID.fromString(root.post("/api/orgs/" + school + "/users", new JsonObject().put("login", "kid")
                .put("displayName", "Kid").put("birthDate", "2015-05-05").put("password", "Initial-" + PASSWORD)
                .put("roles", new JsonArray().add(Accounts.role("student", g1)))).json().getString("id"));
        assertEquals(200, root.post("/api/users/" + ids.get(AccountRole.PARENT) + "/children",
                new JsonObject().put("childId", kid.toString())).status());
        Response created = users.get(AccountRole.TEACHER).post("/api/lessons", new JsonObject().put("title", "Algebra")
                .put("orgId", school.toString()).put("groupId", g1.toString()));
        assertEquals(201, created.status(), created::toString);
        lesson = created.json().getString("lessonId");

        UUID other = UUID.fromString(root.post("/api/orgs", new JsonObject().put("name", "School 2")).json().getString("id"));
        Accounts.createUser(root, other, "other-admin", "Initial-" + PASSWORD, new JsonArray().add(Accounts.role("administrator", null)));
        otherSchoolAdmin = signedIn("other-admin");
        Accounts.createUser(root, school, "teacher-7b", "Initial-" + PASSWORD, new JsonArray().add(Accounts.role("teacher", g2)));
        teacherOfG2 = signedIn("teacher-7b");

    }

    /**
     * The studio's routes as the launcher mounts them (through {@code ExtraRoutes}, behind the guard), answered here
     * by stand-ins: the studio module itself is not a dependency of signalling (its routes are tested in
     * {@code StudioRoutesTest} and, with this guard, in the launcher's {@code CoursePageBrowserTest}).
     */
    static void studioRoutes(io.vertx.core.Vertx vertx, io.vertx.ext.web.Router router, sabaq.signalling.http.AccessGuard guard) {
        router.get("/api/studio/courses").handler(guard.requireRole(Action.STUDIO_EDIT))
                .handler(ctx -> ctx.json(new JsonObject().put("courses", new JsonArray())));
        router.get("/api/catalog").handler(guard.requireRole(Action.CATALOG_READ))
                .handler(ctx -> ctx.json(new JsonObject().put("courses", new JsonArray())));
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    static ApiClient signedIn(String login) {
        ApiClient c = new ApiClient(f.port());
        assertEquals(null, Accounts.firstSignIn(c, f.time, login, "Initial-" + PASSWORD, PASSWORD));
        return c;
    }

    static UUID group(String name) {
        return UUID.fromString(root.post("/api/orgs/" + school + "/groups", new JsonObject().put("name", name)).json().getString("id"));
    }

    /** A fresh account of the school to act on. */
    static UUID victim(String role) {
        String login = "victim-" + counter.incrementAndGet();
        return UUID.fromString(Accounts.createUser(root, school, login, "Initial-" + PASSWORD,
                role == null ? null : new JsonArray().add(Accounts.role(role, null))).getString("id"));
    }

    static Response attempt(Action a, ApiClient c) {
        return prepare(a).apply(c);
    }

    /** The row's request, with a fresh target made beforehand when the request changes or removes one. */
    static Function<ApiClient, Response> prepare(Action a) {
        switch (a) {
            case PROFILE_READ: return c -> c.get("/api/me");
            case PROFILE_UPDATE: return c -> c.patch("/api/me", new JsonObject().put("displayName", "Renamed " + counter.incrementAndGet()));
            case PASSWORD_CHANGE: return c -> c.post("/api/me/password", new JsonObject().put("currentPassword", PASSWORD).put("newPassword", PASSWORD));
            case ORG_CREATE: return c -> c.post("/api/orgs", new JsonObject().put("name", "Org " + counter.incrementAndGet()));
            case ORG_READ: return c -> c.get("/api/orgs");
            case GROUP_CREATE: return c -> c.post("/api/orgs/" + school + "/groups", new JsonObject().put("name", "G" + counter.incrementAndGet()));
            case GROUP_UPDATE: return c -> c.patch("/api/orgs/" + school + "/groups/" + g2, new JsonObject().put("name", "7B-" + counter.incrementAndGet()));
            case GROUP_DELETE: {
                UUID temp = group("Temp " + counter.incrementAndGet());
                return c -> c.delete("/api/orgs/" + school + "/groups/" + temp);
            }
            case GROUP_READ: return c -> c.get("/api/orgs/" + school + "/groups");
            case USER_CREATE: return c -> c.post("/api/orgs/" + school + "/users", new JsonObject().put("login", "new-" + counter.incrementAndGet())
                    .put("displayName", "New"));
            case USER_READ: return c -> c.get("/api/orgs/" + school + "/users");
            case USER_UPDATE: {
                UUID v = victim(null);
                return c -> c.patch("/api/users/" + v, new JsonObject().put("displayName", "Changed"));
            }
            case USER_DELETE: {
                UUID v = victim(null);
                return c -> c.delete("/api/users/" + v);
            }
            case CREDENTIALS_RESET: {
                UUID v = victim(null);
                return c -> c.post("/api/users/" + v + "/reset-credentials", new JsonObject().put("newPassword", true));
            }
            case ROLE_GRANT: {
                UUID v = victim(null);
                return c -> c.post("/api/users/" + v + "/roles", new JsonObject().put("role", "monitor"));
            }
            case ROLE_REVOKE: {
                UUID v = victim("monitor");
                return c -> c.post("/api/users/" + v + "/roles/revoke", new JsonObject().put("role", "monitor"));
            }
            case ROLE_HISTORY_READ: return c -> c.get("/api/users/" + kid + "/roles/history");
            case PARENT_LINK: {
                UUID v = victim("student");
                return c -> c.post("/api/users/" + ids.get(AccountRole.PARENT) + "/children", new JsonObject().put("childId", v.toString()));
            }
            case USER_IMPORT: return c -> c.postCsv("/api/orgs/" + school + "/import",
                    ("login,name\nimported-" + counter.incrementAndGet() + ",Imported\n").getBytes(StandardCharsets.UTF_8));
            case DATA_EXPORT: return c -> c.get("/api/orgs/" + school + "/export/users.csv");
            case AUDIT_READ: return c -> c.get("/api/orgs/" + school + "/audit");
            case FAILED_ACCESS_READ: return c -> c.get("/api/orgs/" + school + "/failed-access");
            case CHILDREN_READ: return c -> c.get("/api/me/children");
            case CHILD_MFA_CONSENT: return c -> c.post("/api/me/children/" + kid + "/mfa", new JsonObject().put("required", true));
            case LESSON_CREATE: return c -> c.post("/api/lessons", new JsonObject().put("title", "Lesson").put("orgId", school.toString())
                    .put("groupId", g1.toString()));
            case LESSON_LIST: return c -> c.get("/api/me/lessons");
            case LESSON_JOIN: return c -> c.post("/api/lessons/" + lesson + "/join", null);
            // The operations API as served (signalling's SessionOpsAccess; no network is allowed without a session here).
            case OPS_READ: return c -> c.get("/api/ops/alerts");
            case FOOTPRINT_READ: return c -> c.get("/api/orgs/" + school + "/footprint/shares");
            case FOOTPRINT_OWN_READ: return c -> c.get("/api/me/footprint");
            case FOOTPRINT_CHILD_READ: return c -> c.get("/api/me/children/" + kid + "/footprint");
            case CURRICULUM_READ: return c -> c.get("/api/orgs/" + school + "/programmes");
            case CURRICULUM_WRITE: return c -> c.post("/api/orgs/" + school + "/programmes", new JsonObject()
                    .put("name", "Programme " + counter.incrementAndGet()).put("kind", "school")
                    .put("groupIds", new JsonArray().add(g1.toString())).put("disciplines", new JsonArray()));
            case STUDIO_EDIT: return c -> c.get("/api/studio/courses");
            case CATALOG_READ: return c -> c.get("/api/catalog");
            default: throw new AssertionError("no request for " + a);
        }
    }

    /**
     * What a refused request must not have changed: every change writes an audit entry, so the number of entries of
     * the school and of the platform (organisations), and the number of organisations.
     */
    static String snapshot() {
        return root.get("/api/orgs/" + school + "/audit?limit=1000").json().getJsonArray("entries").size() + " school entries, "
                + root.get("/api/orgs/" + PLATFORM + "/audit?limit=1000").json().getJsonArray("entries").size() + " platform entries, "
                + root.get("/api/orgs").json().getJsonArray("organisations").size() + " organisations";
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Action.class)
    void row(Action action) {
        assertEquals(401, attempt(action, new ApiClient(f.port())).status(), "without a session");
        for (AccountRole role : AccountRole.values()) {
            boolean platformRow = AccessPolicy.scope(action) == Scope.PLATFORM;
            ApiClient c = platformRow && role == AccountRole.ADMINISTRATOR ? root : users.get(role);
            boolean allowed = AccessPolicy.roles(action).contains(role);
            Function<ApiClient, Response> request = prepare(action);
            String before = allowed ? null : snapshot();
            Response r = request.apply(c);
            if (allowed) {
                assertTrue(r.status() >= 200 && r.status() < 300, action.wireName() + " as " + role.wireName() + ": " + r);
            } else {
                assertEquals(403, r.status(), action.wireName() + " as " + role.wireName() + ": " + r);
                assertEquals("FORBIDDEN", r.code());
                assertEquals(before, snapshot(), action.wireName() + " as " + role.wireName() + " changed something");
            }
        }
        if (AccessPolicy.scope(action) == Scope.PLATFORM) {
            assertEquals(403, attempt(action, users.get(AccountRole.ADMINISTRATOR)).status(), "a school administrator is no platform administrator");
        }
    }

    @Test
    void rolesCountOnlyInTheirOrganisationAndGroup() {
        for (Action a : new Action[] {Action.USER_READ, Action.USER_CREATE, Action.GROUP_CREATE, Action.AUDIT_READ,
            Action.DATA_EXPORT, Action.USER_UPDATE, Action.ROLE_GRANT, Action.FOOTPRINT_READ, Action.CURRICULUM_READ,
            Action.CURRICULUM_WRITE}) {
            assertEquals(403, attempt(a, otherSchoolAdmin).status(), a.wireName() + " by another school's administrator");
        }
        assertEquals(403, attempt(Action.LESSON_CREATE, teacherOfG2).status(), "a teacher of 7B in 7A");
        assertEquals(403, attempt(Action.LESSON_JOIN, teacherOfG2).status(), "a teacher of 7B joining a 7A lesson");
        Response escalate = users.get(AccountRole.ADMINISTRATOR).post("/api/users/" + ids.get(AccountRole.TEACHER) + "/roles",
                new JsonObject().put("role", "administrator").put("groupId", UUID.randomUUID().toString()));
        assertEquals(400, escalate.status(), "a group of no organisation");
        Response platformUser = users.get(AccountRole.ADMINISTRATOR).get("/api/users/" + rootId());
        assertEquals(403, platformUser.status(), "a school administrator cannot read platform accounts");
        Response child = users.get(AccountRole.PARENT).post("/api/me/children/" + ids.get(AccountRole.STUDENT) + "/mfa",
                new JsonObject().put("required", false));
        assertEquals(403, child.status(), "not their child");
    }

    static UUID rootId() {
        return UUID.fromString(root.get("/api/me").json().getString("id"));
    }
}
