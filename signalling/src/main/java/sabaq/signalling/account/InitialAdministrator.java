package sabaq.signalling.account;

import io.vertx.core.Future;
import sabaq.common.time.TimeSource;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.auth.Passwords;
import sabaq.signalling.store.Repositories;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * First start: the platform organisation and, when no account has {@code initial-admin.login}, an administrator of
 * the platform with the configured password or a random one, which must be changed at the first sign-in. Idempotent:
 * later starts change nothing. Two servers starting together cannot both create it (the login is unique).
 */
public final class InitialAdministrator {
    private final Repositories repos;
    private final Passwords passwords;
    private final AccountService accounts;
    private final AuthConfig config;
    private final TimeSource time;

    public InitialAdministrator(Repositories repos, Passwords passwords, AccountService accounts, AuthConfig config,
                                TimeSource time) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** What happened: the login, and the generated password when one was generated (print it once). */
    public record Outcome(String login, boolean created, String generatedPassword) {
    }

    public Future<Outcome> ensure() {
        return repos.directory().organisation(Organisation.PLATFORM).compose(o -> o != null ? Future.succeededFuture()
                : repos.directory().saveOrganisation(new Organisation(Organisation.PLATFORM, "Platform", time.epochMillis())))
                .compose(v -> {
                    String login = config.initialAdminLogin();
                    if (login.isEmpty()) return Future.succeededFuture(new Outcome(login, false, null));
                    return repos.accounts().byLogin(login).compose(existing -> {
                        if (existing != null) return Future.succeededFuture(new Outcome(login, false, null));
                        String generated = config.initialAdminPassword().isEmpty() ? passwords.generate() : null;
                        return passwords.hash(generated != null ? generated : config.initialAdminPassword()).compose(hash -> {
                            long now = time.epochMillis();
                            Account a = new Account(UUID.randomUUID(), Organisation.PLATFORM, login, "Administrator", null, null,
                                    AccountStatus.ACTIVE, hash, true, null, null, null, null, null, now, now);
                            return accounts.create(Actor.system(), a, List.of(new RoleSpec(AccountRole.ADMINISTRATOR, null)))
                                    .map(created -> new Outcome(login, true, generated))
                                    .recover(err -> repos.accounts().byLogin(login).compose(other -> other != null
                                            ? Future.succeededFuture(new Outcome(login, false, null)) : Future.failedFuture(err)));
                        });
                    });
                });
    }
}
