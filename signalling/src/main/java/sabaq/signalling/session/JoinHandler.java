package sabaq.signalling.session;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaPeer;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.Participant;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.lesson.TextRules;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.protocol.Fields;
import sabaq.signalling.protocol.ProtocolException;
import sabaq.signalling.protocol.ServerMessages;
import sabaq.signalling.token.JoinClaims;
import sabaq.signalling.token.JoinTokens;
import sabaq.signalling.token.TokenCheck;

import java.util.Objects;
import java.util.Set;

/**
 * {@code join}: the token, name and optional {@code clientId} are checked on the socket's context, then the lesson's
 * context admits the participant (lesson live, client not removed, room not full), creates its SFU peer, answers
 * {@code joined} and tells the others. The socket learns the outcome back on its own context.
 */
public final class JoinHandler {
    private static final Logger log = LoggerFactory.getLogger(JoinHandler.class);
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final int MAX_CLIENT_ID = 64;

    private final JoinTokens tokens;
    private final LessonRegistry registry;
    private final int maxParticipants;
    private final boolean allowGuests;

    /** With {@code allowGuests} false, only personal join tokens (with {@code sub}) are accepted. */
    public JoinHandler(JoinTokens tokens, LessonRegistry registry, int maxParticipants, boolean allowGuests) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.maxParticipants = maxParticipants;
        this.allowGuests = allowGuests;
    }

    /** Socket context. Throws {@link ProtocolException} for refusals decided here. */
    void join(ClientSession session, JsonObject message, String requestId) {
        if (session.state() != ClientSession.State.CONNECTED) {
            throw new ProtocolException(ErrorCode.ALREADY_JOINED, "this socket has joined already");
        }
        String token = Fields.string(message, "token", 1, Integer.MAX_VALUE);
        String rawName = Fields.optionalString(message, "name", 0, Integer.MAX_VALUE);
        String lang = Fields.optionalString(message, "lang", 0, 8);
        if (lang != null && !LANGUAGES.contains(lang)) throw ProtocolException.badRequest("lang must be kk, ru or en");
        String clientId = Fields.optionalString(message, "clientId", 1, MAX_CLIENT_ID);
        if (clientId != null && !LessonIds.isWellFormed(clientId, MAX_CLIENT_ID)) {
            throw ProtocolException.badRequest("clientId must be letters, digits, - or _");
        }
        TokenCheck check = tokens.verify(token);
        if (!check.isValid()) {
            log.debug("join refused from {}: {}", session, check);
            throw new ProtocolException(check.error(),
                    check.error() == ErrorCode.TOKEN_EXPIRED ? "the join link has expired" : "the join link is not valid");
        }
        JoinClaims claims = check.claims();
        if (!claims.isPersonal() && !allowGuests) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "guest links are disabled on this server: sign in and use your own link");
        }
        String name = null;
        if (claims.isPersonal()) {
            name = claims.displayName();
        } else if (claims.role() != Role.TEACHER) {
            name = TextRules.label(rawName, TextRules.MAX_NAME);
            if (name == null) {
                throw ProtocolException.badRequest("name must be 1 to " + TextRules.MAX_NAME + " characters without control characters");
            }
        }
        LessonHub hub = registry.get(claims.lessonId());
        if (hub == null) throw new ProtocolException(ErrorCode.LESSON_NOT_FOUND, "no such lesson");
        session.beginJoin(hub);
        String displayName = name;
        hub.run(() -> admit(hub, session, claims, displayName, clientId, requestId));
    }

    /** Lesson context. */
    private void admit(LessonHub hub, ClientSession session, JoinClaims claims, String name, String clientId, String requestId) {
        Role role = claims.role();
        try {
            Participant p = createParticipant(hub, role, name, clientId, claims.userId());
            MediaPeer peer = hub.mediaRoom().addPeer(p.id());
            Member m = hub.addMember(p, session, peer);
            session.send(ServerMessages.joined(p, hub.lesson(), requestId).put("recording", hub.recordingActive()));
            hub.broadcastExcept(ServerMessages.participantJoined(p), m);
            session.onSocketContext(session::joinSucceeded);
            if (p.userId() != null) {
                log.info("lesson {}: {} joined as {}, account {}", hub.id(), p.id(), role.wireName(), p.userId());
            } else {
                log.debug("lesson {}: {} joined as {} ({})", hub.id(), p.id(), role, session);
            }
        } catch (ProtocolException e) {
            session.sendError(e.code(), e.getMessage(), requestId);
            session.onSocketContext(session::joinFailed);
        } catch (RuntimeException e) {
            session.sendError(ErrorCode.INTERNAL, Incidents.report(log, "join of lesson " + hub.id(), e), requestId);
            session.onSocketContext(session::joinFailed);
        }
    }

    private Participant createParticipant(LessonHub hub, Role role, String name, String clientId, String userId) {
        Lesson lesson = hub.lesson();
        if (!lesson.isLive() || hub.isClosed()) throw new ProtocolException(ErrorCode.LESSON_ENDED, "the lesson has ended");
        if (lesson.isRemoved(clientId)) throw new ProtocolException(ErrorCode.REMOVED, "you were removed from this lesson");
        if (lesson.participantCount() >= maxParticipants) throw new ProtocolException(ErrorCode.LESSON_FULL, "the lesson is full");
        String displayName = role == Role.TEACHER ? lesson.teacherName() : name;
        String cid = clientId != null ? clientId : hub.newClientId();
        return new Participant(hub.newParticipantId(), cid, displayName, role, userId);
    }
}
