package sabaq.signalling.recording;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.recording.RecordingException;
import sabaq.common.recording.RecordingRequest;
import sabaq.common.recording.RecordingService;
import sabaq.common.recording.RecordingStatus;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.session.ClientSession;
import sabaq.signalling.session.LessonHub;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.token.JoinTokens;

import java.time.Duration;
import java.util.Objects;

/**
 * Signalling's side of recording: the teacher's {@code record} request starts the {@link RecordingService} (on a
 * worker thread, never the event loop), which joins the lesson over the WebSocket with an observer join token like
 * any participant; every page learns the REC state from {@code joined.recording} and the {@code recording}
 * broadcast ({@code {type, active, recordingId}}). When the recording stops (the lesson ended) the state goes off.
 */
public final class LessonRecordings {
    /** The user id in the recorder's join token: no account has it (account ids are UUIDs). */
    static final String RECORDER_USER = "sabaq-recorder";
    private static final Logger log = LoggerFactory.getLogger(LessonRecordings.class);

    private final RecordingService service;
    private final JoinTokens tokens;
    private final LessonRegistry registry;
    private final Duration tokenTtl;
    private volatile String webSocketUrl;

    public LessonRecordings(RecordingService service, JoinTokens tokens, LessonRegistry registry, Duration tokenTtl) {
        this.service = Objects.requireNonNull(service, "service");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tokenTtl = Objects.requireNonNull(tokenTtl, "tokenTtl");
        service.addListener(summary -> {
            // An older recording of the lesson (resumed after a restart) must not switch off a running one's badge.
            if (summary.status() == RecordingStatus.RECORDING || service.isRecording(summary.lessonId())) return;
            LessonHub hub = registry.get(summary.lessonId());
            if (hub != null) hub.run(() -> {
                if (hub.recordingActive(false)) hub.broadcastToAll(message(false, summary.recordingId()));
            });
        });
    }

    public RecordingService service() {
        return service;
    }

    /** Where the recorder connects: this server's WebSocket, known once it listens. */
    public void webSocketUrl(String url) {
        this.webSocketUrl = url;
    }

    static JsonObject message(boolean active, String recordingId) {
        JsonObject m = new JsonObject().put("type", "recording").put("active", active);
        if (recordingId != null) m.put("recordingId", recordingId);
        return m;
    }

    /** {@code record} from a teacher (permission already checked). Lesson context. */
    public void record(LessonHub hub, ClientSession requester, String requestId) {
        Lesson lesson = hub.lesson();
        String url = webSocketUrl;
        if (url == null) {
            requester.sendError(ErrorCode.RECORDING_UNAVAILABLE, "the server is still starting", requestId);
            return;
        }
        RecordingRequest request = new RecordingRequest(lesson.id(), lesson.title(), lesson.teacherName(), url,
                // A personal token: servers that refuse guest links still let their own recorder in.
                tokens.issue(lesson.id(), Role.OBSERVER, tokenTtl, RECORDER_USER, "Sabaq recorder").token());
        hub.context().executeBlocking(() -> service.start(request)).onComplete(ar -> hub.run(() -> {
            if (ar.failed()) {
                Throwable e = ar.cause();
                String text = e instanceof RecordingException ? e.getMessage() : "the recorder failed to start";
                if (!(e instanceof RecordingException)) log.error("lesson {}: recording failed to start", lesson.id(), e);
                requester.sendError(ErrorCode.RECORDING_UNAVAILABLE, text, requestId);
                return;
            }
            String id = ar.result();
            if (hub.recordingActive(true)) hub.broadcastToAll(message(true, id));
            JsonObject reply = message(true, id);
            if (requestId != null) reply.put("requestId", requestId);
            requester.send(reply);
        }));
    }
}
