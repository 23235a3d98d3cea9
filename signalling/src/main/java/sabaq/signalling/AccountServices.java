package sabaq.signalling;

import io.vertx.core.Vertx;
import sabaq.common.time.TimeSource;
import sabaq.signalling.account.AccountService;
import sabaq.signalling.account.ConsentService;
import sabaq.signalling.account.DirectoryService;
import sabaq.signalling.account.InitialAdministrator;
import sabaq.signalling.account.OrganisationExport;
import sabaq.signalling.account.RoleService;
import sabaq.signalling.account.UserImport;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.auth.PasswordHasher;
import sabaq.signalling.auth.Passwords;
import sabaq.signalling.auth.SessionService;
import sabaq.signalling.auth.SessionTokens;
import sabaq.signalling.auth.SignInService;
import sabaq.signalling.auth.SignInThrottle;
import sabaq.signalling.auth.oidc.OidcLogin;
import sabaq.signalling.footprint.FootprintServices;
import sabaq.signalling.http.AccessGuard;
import sabaq.signalling.http.ApiRoutes;
import sabaq.signalling.http.CsrfGuard;
import sabaq.signalling.http.SessionCookies;
import sabaq.signalling.store.Repositories;

import java.security.SecureRandom;

/**
 * The accounts, sign-in and audit services of one server, wired once and shared by its event loops (all of them are
 * thread safe and keep their state in the {@link Repositories}). {@link #guard()} protects routes added by other
 * parts of the server (docs/security.md, "Protecting a route").
 */
public final class AccountServices {
    final AuthConfig auth;
    final Repositories repos;
    final TimeSource time;
    final Auditor auditor;
    final Passwords passwords;
    final SessionService sessions;
    final SignInService signIn;
    final RoleService roles;
    final AccountService accounts;
    final DirectoryService directory;
    final ConsentService consent;
    final UserImport importer;
    final OrganisationExport export;
    final SessionCookies cookies;
    final AccessGuard guard;
    final CsrfGuard csrf;
    final OidcLogin oidc;
    final InitialAdministrator initialAdministrator;

    AccountServices(Vertx vertx, SignallingConfig config, AuthConfig auth, Repositories repos, TimeSource time, byte[] secret) {
        SecureRandom random = new SecureRandom();
        this.auth = auth;
        this.repos = repos;
        this.time = time;
        auditor = new Auditor(repos.audit(), repos.failedAccess(), time);
        passwords = new Passwords(vertx, new PasswordHasher(auth.argon2(), random), auth.passwordMinLength(), random);
        SessionTokens tokens = new SessionTokens(secret, time, auth.accessTtl(), auth.signInTtl());
        sessions = new SessionService(repos, tokens, auditor, time, auth.refreshTtl(), random);
        signIn = new SignInService(repos, passwords, new SignInThrottle(repos.throttle(), auth.throttle(), time), tokens,
                auditor, auth, time, random);
        roles = new RoleService(repos, auditor, time);
        accounts = new AccountService(repos, passwords, sessions, roles, auditor, time);
        directory = new DirectoryService(repos, auditor, time);
        consent = new ConsentService(repos, auditor, time, auth.mfaConsentAge());
        importer = new UserImport(repos, accounts, roles, passwords, auditor, time, auth.importMaxRows());
        export = new OrganisationExport(repos);
        cookies = new SessionCookies(auth);
        guard = new AccessGuard(sessions, auditor);
        csrf = new CsrfGuard(auditor, config.publicBaseUrl());
        oidc = new OidcLogin(vertx, auth.oidcProviders(), repos, auditor, time, random);
        initialAdministrator = new InitialAdministrator(repos, passwords, accounts, auth, time);
    }

    /** What the API routes use. */
    ApiRoutes.Services routes(SignallingConfig config, FootprintServices footprint) {
        return new ApiRoutes.Services(config, auth, repos, auditor, sessions, signIn, accounts, roles, directory, consent,
                importer, export, cookies, guard, csrf, oidc, time, footprint);
    }

    /** Route protection by role (docs/security.md). */
    public AccessGuard guard() {
        return guard;
    }

    public AuthConfig config() {
        return auth;
    }
}
