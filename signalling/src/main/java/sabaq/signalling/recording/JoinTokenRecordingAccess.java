package sabaq.signalling.recording;

import sabaq.signalling.lesson.Role;
import sabaq.signalling.token.JoinClaims;
import sabaq.signalling.token.JoinTokens;
import sabaq.signalling.token.TokenCheck;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link RecordingAccess} by join token: any valid, unexpired join token of the lesson (teacher, student or observer
 * link) may watch; the teacher's may download the original.
 */
public final class JoinTokenRecordingAccess implements RecordingAccess {
    private final JoinTokens tokens;

    public JoinTokenRecordingAccess(JoinTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Future<Optional<Viewer>> viewer(RoutingContext ctx, String lessonId) {
        return Future.succeededFuture(viewer(RecordingAccess.bearer(ctx), lessonId));
    }

    /** The viewer behind a join token of the lesson, or empty. */
    public Optional<Viewer> viewer(String credential, String lessonId) {
        if (credential == null || lessonId == null) return Optional.empty();
        TokenCheck check = tokens.verify(credential);
        if (!check.isValid()) return Optional.empty();
        JoinClaims c = check.claims();
        if (!c.lessonId().equals(lessonId)) return Optional.empty();
        return Optional.of(new Viewer(c.role().wireName(), c.role() == Role.TEACHER));
    }
}
