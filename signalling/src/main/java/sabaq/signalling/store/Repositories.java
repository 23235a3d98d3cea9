package sabaq.signalling.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import sabaq.signalling.account.AccountRepository;
import sabaq.signalling.account.DirectoryRepository;
import sabaq.signalling.account.GroupLessonRepository;
import sabaq.signalling.account.RoleRepository;
import sabaq.signalling.audit.AuditLog;
import sabaq.signalling.audit.FailedAccessLog;
import sabaq.signalling.auth.SessionRepository;
import sabaq.signalling.auth.ThrottleRepository;
import sabaq.signalling.auth.oidc.PendingLoginRepository;

import java.util.Objects;

/** Every store the server uses. Production: {@link #cassandra}; unit tests: in-memory fakes (test sources). */
public record Repositories(AccountRepository accounts, DirectoryRepository directory, RoleRepository roles,
                           GroupLessonRepository lessons, SessionRepository sessions, ThrottleRepository throttle,
                           PendingLoginRepository pendingLogins, AuditLog audit, FailedAccessLog failedAccess) {
    public Repositories {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(lessons, "lessons");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(pendingLogins, "pendingLogins");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(failedAccess, "failedAccess");
    }

    /** The Cassandra repositories; their statements are prepared on a worker thread. */
    public static Future<Repositories> cassandra(Vertx vertx, CassandraStore store) {
        return vertx.executeBlocking(() -> new Repositories(
                new CassandraAccountRepository(store),
                new CassandraDirectoryRepository(store),
                new CassandraRoleRepository(store),
                new CassandraGroupLessonRepository(store),
                new CassandraSessionRepository(store),
                new CassandraThrottleRepository(store),
                new CassandraPendingLoginRepository(store),
                new CassandraAuditLog(store),
                new CassandraFailedAccessLog(store)), false);
    }
}
