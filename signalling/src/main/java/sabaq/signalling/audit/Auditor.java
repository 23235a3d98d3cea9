package sabaq.signalling.audit;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the audit log and the failed-access log with the server's clock. A failed write is logged and turned into a
 * failure of the returned future, so the caller's request fails too (an action must not happen unrecorded).
 */
public final class Auditor {
    private static final Logger log = LoggerFactory.getLogger(Auditor.class);

    private final AuditLog audit;
    private final FailedAccessLog failed;
    private final TimeSource time;

    public Auditor(AuditLog audit, FailedAccessLog failed, TimeSource time) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.failed = Objects.requireNonNull(failed, "failed");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Records an action on {@code targetType}/{@code targetId}; {@code subjectId} is the person whose data it is. */
    public Future<Void> record(Actor actor, UUID orgId, String action, String targetType, String targetId, UUID subjectId,
                               List<FieldChange> changes) {
        AuditEntry e = new AuditEntry(UUID.randomUUID(), time.epochMillis(), orgId, actor.userId(), actor.role(), action,
                targetType, targetId, subjectId, changes, actor.ip(), actor.userAgent());
        return audit.append(e).onFailure(err -> log.error("audit entry not written: {} {} {}", action, targetId, err.toString()));
    }

    /** Records a failed access; never fails (the refusal is answered either way), errors are logged. */
    public Future<Void> failed(UUID orgId, FailedAccessKind kind, String login, UUID userId, Actor from, String detail) {
        FailedAccess a = new FailedAccess(UUID.randomUUID(), time.epochMillis(), orgId, kind, login, userId, from.ip(),
                from.userAgent(), detail);
        log.info("failed access: {} login={} user={} ip={} {}", kind, login, userId, from.ip(), detail == null ? "" : detail);
        return failed.record(a).recover(err -> {
            log.error("failed-access entry not written: {} {}", kind, err.toString());
            return Future.succeededFuture();
        });
    }

    public AuditLog log() {
        return audit;
    }

    public FailedAccessLog failedLog() {
        return failed;
    }

    public long now() {
        return time.epochMillis();
    }
}
