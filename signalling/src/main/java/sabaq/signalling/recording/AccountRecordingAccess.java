package sabaq.signalling.recording;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.account.GroupLesson;
import sabaq.signalling.account.GroupLessonRepository;
import sabaq.signalling.auth.AccessPolicy;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.Principal;
import sabaq.signalling.http.AccessGuard;
import sabaq.signalling.lesson.LessonIds;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link RecordingAccess} with accounts: a join token of the lesson decides first (guest lessons, links); without
 * one, the signed-in person may watch a group lesson's recordings when they may join it ({@link Action#LESSON_JOIN}
 * in the lesson's group: its teacher, tutors and students, the school's methodists, directors and deputies — the
 * action × role table of docs/security.md), even long after it ended. The lesson's teacher may download the original.
 */
public final class AccountRecordingAccess implements RecordingAccess {
    private final JoinTokenRecordingAccess tokens;
    private final AccessGuard guard;
    private final GroupLessonRepository lessons;

    public AccountRecordingAccess(JoinTokenRecordingAccess tokens, AccessGuard guard, GroupLessonRepository lessons) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.lessons = Objects.requireNonNull(lessons, "lessons");
    }

    @Override
    public Future<Optional<Viewer>> viewer(RoutingContext ctx, String lessonId) {
        String bearer = RecordingAccess.bearer(ctx);
        if (bearer != null) return Future.succeededFuture(tokens.viewer(bearer, lessonId));
        if (lessonId == null || !LessonIds.isLessonId(lessonId)) return Future.succeededFuture(Optional.empty());
        return guard.load(ctx).compose(p -> {
            if (p == null) return Future.succeededFuture(Optional.<Viewer>empty());
            return lessons.byId(p.account().orgId(), lessonId).map(l -> decide(p, l));
        });
    }

    static Optional<Viewer> decide(Principal p, GroupLesson l) {
        if (l == null) return Optional.empty();
        if (p.userId().equals(l.teacherId())) return Optional.of(new Viewer("teacher", true));
        AccessPolicy.Decision d = AccessPolicy.decide(p, Action.LESSON_JOIN, l.orgId(), l.groupId());
        return d.allowed() ? Optional.of(new Viewer(d.role(), false)) : Optional.empty();
    }
}
