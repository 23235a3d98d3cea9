package sabaq.signalling.recording;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * Who may watch a lesson's recordings: the holder of a valid join token of the lesson ({@link JoinTokenRecordingAccess})
 * or, without one, the signed-in person when the lesson is a group lesson they may join — its teacher, the group's
 * members, the school's methodists, directors and deputies ({@link AccountRecordingAccess}). Thread safe; called on
 * the request's event loop, so look-ups go through futures.
 */
public interface RecordingAccess {

    /** The viewer behind the request (its bearer token or session), or empty when not allowed. */
    Future<Optional<Viewer>> viewer(RoutingContext ctx, String lessonId);

    /** The bearer token of the request, or null. */
    static String bearer(RoutingContext ctx) {
        String auth = ctx.request().getHeader("Authorization");
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
    }

    /**
     * Someone allowed to watch.
     *
     * @param mayDownloadOriginal the teacher may also download the original (all tracks, not re-encoded)
     */
    record Viewer(String role, boolean mayDownloadOriginal) {
    }
}
