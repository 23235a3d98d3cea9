package sabaq.signalling.account;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.time.FakeTimeSource;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.auth.PasswordHasher;
import sabaq.signalling.auth.Passwords;
import sabaq.signalling.auth.SessionService;
import sabaq.signalling.auth.SessionTokens;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.testing.memory.InMemoryRepositories;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first start's administrator, on the in-memory stores. */
@ExtendWith(VertxExtension.class)
class InitialAdministratorTest {
    private final FakeTimeSource time = new FakeTimeSource();

    private InitialAdministrator bootstrap(Vertx vertx, Repositories repos, String overrides) {
        AuthConfig config = AuthConfig.from(ConfigFactory.parseString("sabaq.signalling.auth { " + overrides + " }")
                .withFallback(ConfigFactory.defaultReference()));
        SecureRandom random = new SecureRandom();
        Passwords passwords = new Passwords(vertx, new PasswordHasher(new PasswordHasher.Params(64, 1, 1), random), 10, random);
        Auditor auditor = new Auditor(repos.audit(), repos.failedAccess(), time);
        SessionService sessions = new SessionService(repos, new SessionTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8), time,
                Duration.ofMinutes(5), Duration.ofMinutes(5)), auditor, time, Duration.ofDays(1), random);
        RoleService roles = new RoleService(repos, auditor, time);
        return new InitialAdministrator(repos, passwords, new AccountService(repos, passwords, sessions, roles, auditor, time),
                config, time);
    }

    @Test
    void createdOnceWithAOneTimePasswordThatMustBeChanged(Vertx vertx) {
        Repositories repos = InMemoryRepositories.create();
        InitialAdministrator.Outcome first = bootstrap(vertx, repos, "").ensure().await();
        assertTrue(first.created());
        assertEquals("admin", first.login());
        assertNotNull(first.generatedPassword());
        assertEquals(16, first.generatedPassword().length());
        Account admin = repos.accounts().byLogin("admin").await();
        assertTrue(admin.mustChangePassword());
        assertEquals(Organisation.PLATFORM, admin.orgId());
        assertEquals(AccountRole.ADMINISTRATOR, repos.roles().assignments(admin.id()).await().get(0).role());
        assertNotNull(repos.directory().organisation(Organisation.PLATFORM).await());
        assertTrue(new PasswordHasher(new PasswordHasher.Params(64, 1, 1), new SecureRandom())
                .verify(first.generatedPassword(), admin.passwordHash()));
        assertEquals("system", repos.audit().byOrg(Organisation.PLATFORM, 0, Long.MAX_VALUE, 10).await().get(0).actorRole());

        InitialAdministrator.Outcome second = bootstrap(vertx, repos, "").ensure().await();
        assertFalse(second.created());
        assertNull(second.generatedPassword());
        assertEquals(admin.passwordHash(), repos.accounts().byLogin("admin").await().passwordHash(), "nothing changed");
    }

    @Test
    void aConfiguredPasswordOrNoAdministratorAtAll(Vertx vertx) {
        Repositories repos = InMemoryRepositories.create();
        InitialAdministrator.Outcome configured = bootstrap(vertx, repos, "initial-admin { login = root, password = \"Configured-Pass-1\" }")
                .ensure().await();
        assertTrue(configured.created());
        assertNull(configured.generatedPassword(), "nothing to print");
        assertTrue(repos.accounts().byLogin("root").await().mustChangePassword());

        Repositories empty = InMemoryRepositories.create();
        assertFalse(bootstrap(vertx, empty, "initial-admin.login = \"\"").ensure().await().created());
        assertTrue(empty.accounts().inOrg(Organisation.PLATFORM).await().isEmpty());
    }
}
