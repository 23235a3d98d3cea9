package sabaq.signalling.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.account.AccountService;
import sabaq.signalling.account.ConsentService;
import sabaq.signalling.account.DirectoryService;
import sabaq.signalling.account.OrganisationExport;
import sabaq.signalling.account.RoleService;
import sabaq.signalling.account.UserImport;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.auth.SessionService;
import sabaq.signalling.auth.SignInService;
import sabaq.signalling.auth.oidc.OidcLogin;
import sabaq.signalling.footprint.CurriculumRoutes;
import sabaq.signalling.footprint.FootprintRoutes;
import sabaq.signalling.footprint.FootprintServices;
import sabaq.signalling.footprint.OrganisationFootprintExport;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.token.JoinTokens;

/**
 * Mounts the accounts, sign-in, administration, audit and lesson-access routes of docs/security.md, and the footprint
 * and curriculum routes of docs/footprint.md, on a router, after the CSRF check. The guest lesson API of docs/protocol.md section 1 stays in {@link LessonApi}.
 */
public final class ApiRoutes {
    /** Everything the routes use. */
    public record Services(SignallingConfig config, AuthConfig auth, Repositories repos, Auditor auditor,
                           SessionService sessions, SignInService signIn, AccountService accounts, RoleService roles,
                           DirectoryService directory, ConsentService consent, UserImport importer,
                           OrganisationExport export, SessionCookies cookies, AccessGuard guard, CsrfGuard csrf,
                           OidcLogin oidc, sabaq.common.time.TimeSource time, FootprintServices footprint) {
    }

    private ApiRoutes() {
    }

    public static void mount(Router router, Services s, JoinTokens tokens, LessonRegistry registry, LessonApi guestLessons,
                             Context owner) {
        Handler<RoutingContext> body = BodyHandler.create(false).setBodyLimit(s.config().maxHttpBodyBytes());
        router.route("/api/*").handler(s.csrf()::handle);
        AuthRoutes auth = new AuthRoutes(s.signIn(), s.sessions(), s.cookies(), s.auditor(), s.repos(), s.auth());
        auth.mount(router, body);
        new OidcRoutes(s.oidc(), auth, s.cookies(), s.config()).mount(router);
        new MeRoutes(s.accounts(), s.consent(), s.signIn(), s.sessions(), s.cookies(), s.repos(), s.guard(), s.time())
                .mount(router, body);
        new DirectoryRoutes(s.directory(), s.repos(), s.guard()).mount(router, body);
        new UserRoutes(s.accounts(), s.roles(), s.directory(), s.repos(), s.guard(), s.time()).mount(router, body);
        new AuditRoutes(s.auditor(), s.guard()).mount(router, body);
        new DataRoutes(s.importer(), s.export(), s.directory(), s.auditor(), s.guard(), s.auth().importMaxBytes(),
                new OrganisationFootprintExport(s.footprint(), s.repos().lessons())).mount(router, body);
        new LessonAccessRoutes(s.config(), s.auth(), tokens, registry, guestLessons, s.directory(), s.repos(), s.guard(),
                s.auditor(), owner, s.footprint()).mount(router, body);
        new FootprintRoutes(s.footprint(), s.repos(), s.guard(), s.time()).mount(router);
        new CurriculumRoutes(s.footprint(), s.directory(), s.auditor(), s.guard()).mount(router, body);
    }
}
