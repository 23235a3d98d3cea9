package sabaq.signalling.session;

import sabaq.signalling.lesson.Role;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaException;
import sabaq.common.media.PublishSpec;
import sabaq.common.media.SubscribeSpec;
import sabaq.common.media.TrackSource;
import sabaq.signalling.lesson.LessonAction;
import sabaq.signalling.lesson.Permissions;
import sabaq.signalling.lesson.Track;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.protocol.Fields;
import sabaq.signalling.protocol.ProtocolException;
import sabaq.signalling.protocol.ServerMessages;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * {@code offer} and {@code unpublish} (docs/protocol.md section 2.3). An offer is validated completely, including the
 * publish permission, before the SFU sees it; a refused offer changes nothing. The SFU's answer arrives on a media
 * thread and is handled back on the lesson's context.
 */
final class MediaRequests {
    private static final Logger log = LoggerFactory.getLogger(MediaRequests.class);
    /** An m-line identification tag (RFC 8843, RFC 5888): browsers use short numbers; we accept up to 32 token characters. */
    static final int MAX_MID = 32;
    static final int MAX_SUBSCRIBE = 1000;
    private static final int MAX_TRACK_ID = 64;

    void offer(LessonHub hub, Member m, JsonObject msg, String requestId) {
        LessonRequests.require(m, LessonAction.SUBSCRIBE);
        String sdp = Fields.string(msg, "sdp", 1, Integer.MAX_VALUE);
        JsonArray publishArray = Fields.optionalArray(msg, "publish", TrackSource.values().length);
        JsonArray subscribeArray = Fields.optionalArray(msg, "subscribe", MAX_SUBSCRIBE);
        Set<String> mids = new HashSet<>();

        List<Track> published = new ArrayList<>();
        List<PublishSpec> publish = new ArrayList<>();
        Set<TrackSource> sources = EnumSet.noneOf(TrackSource.class);
        for (int i = 0; i < publishArray.size(); i++) {
            JsonObject e = Fields.objectAt(publishArray, i, "publish");
            String mid = mid(e, mids);
            TrackSource source = source(e);
            String kind = Fields.optionalString(e, "kind", 1, 16);
            if (kind != null && !kind.equals(source.kind().sdpName())) {
                throw ProtocolException.badRequest("publish kind " + kind + " does not match source " + source.wireName());
            }
            if (!sources.add(source)) throw ProtocolException.badRequest("publish names source " + source.wireName() + " twice");
            Track t = Track.of(m.id(), source, mid);
            published.add(t);
            int priority = PublishSpec.defaultPriority(source) + (m.participant().role() == Role.TEACHER ? 10 : 0);
            publish.add(new PublishSpec(mid, t.trackId(), source.kind(), source, priority));
        }
        if (!publish.isEmpty()) LessonRequests.require(m, LessonAction.PUBLISH);

        List<SubscribeSpec> subscribe = new ArrayList<>();
        Set<String> trackIds = new HashSet<>();
        for (int i = 0; i < subscribeArray.size(); i++) {
            JsonObject e = Fields.objectAt(subscribeArray, i, "subscribe");
            String mid = mid(e, mids);
            String trackId = Fields.string(e, "trackId", 1, MAX_TRACK_ID);
            if (trackId.startsWith(m.id() + ":")) throw ProtocolException.badRequest("cannot subscribe to an own track: " + trackId);
            if (!trackIds.add(trackId)) throw ProtocolException.badRequest("subscribe names track " + trackId + " twice");
            if (hub.lesson().track(trackId) == null) continue;
            subscribe.add(new SubscribeSpec(mid, trackId));
        }
        if (m.negotiating()) throw ProtocolException.badRequest("an offer is already being negotiated");

        m.negotiating(true);
        Future<String> answer;
        try {
            answer = Future.fromCompletionStage(m.peer().negotiate(sdp, publish, subscribe));
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        // Completes on a media thread (or here when negotiate failed at once); the outcome is handled on the lesson's context.
        answer.onComplete(ar -> hub.run(() -> finish(hub, m, published, requestId, ar)));
    }

    private void finish(LessonHub hub, Member m, List<Track> published, String requestId, AsyncResult<String> ar) {
        m.negotiating(false);
        if (hub.member(m.id()) != m) return;
        if (ar.failed() || ar.result() == null) {
            refuse(hub, m, requestId, ar.failed() ? ar.cause() : new IllegalStateException("SFU returned no answer"));
            return;
        }
        List<Track> kept = published;
        if (!published.isEmpty() && !Permissions.allows(m.participant(), LessonAction.PUBLISH)) {
            // The floor was revoked while the SFU negotiated: keep what it accepted silent until the client re-offers.
            for (Track t : published) m.pause(t.trackId());
            kept = List.of();
        }
        boolean changed = hub.lesson().replaceTracks(m.id(), kept);
        m.applyPausing(kept);
        m.session().send(ServerMessages.answer(ar.result(), requestId));
        if (changed) hub.broadcastTracks();
    }

    private void refuse(LessonHub hub, Member m, String requestId, Throwable cause) {
        Throwable t = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (t instanceof MediaException && ((MediaException) t).code() != MediaException.Code.INTERNAL) {
            m.session().sendError(ErrorCode.BAD_SDP, String.valueOf(t.getMessage()), requestId);
        } else {
            m.session().sendError(ErrorCode.INTERNAL,
                    Incidents.report(log, "negotiation of " + m.id() + " in lesson " + hub.id(), t), requestId);
        }
    }

    void unpublish(LessonHub hub, Member m, JsonObject msg) {
        LessonRequests.require(m, LessonAction.UNPUBLISH);
        TrackSource source = source(msg);
        Track t = hub.lesson().removeTrack(Track.idOf(m.id(), source));
        if (t == null) return;
        m.pause(t.trackId());
        hub.broadcastTracks();
    }

    private static TrackSource source(JsonObject o) {
        String name = Fields.string(o, "source", 1, 32);
        return TrackSource.fromWire(name)
                .orElseThrow(() -> ProtocolException.badRequest("source must be camera, microphone or screen"));
    }

    private static String mid(JsonObject e, Set<String> seen) {
        String mid = Fields.string(e, "mid", 1, MAX_MID);
        for (int i = 0; i < mid.length(); i++) {
            char c = mid.charAt(i);
            boolean token = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`{|}~".indexOf(c) >= 0;
            if (!token) throw ProtocolException.badRequest("mid must be SDP token characters");
        }
        if (!seen.add(mid)) throw ProtocolException.badRequest("mid " + mid + " appears twice");
        return mid;
    }
}
