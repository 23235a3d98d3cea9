package sabaq.recorder.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.TrackKind;
import sabaq.common.recording.RecordingRequest;
import sabaq.recorder.signal.SignallingClient;
import sabaq.recorder.upload.UploadJournal;
import sabaq.recorder.webrtc.InboundSink;
import sabaq.recorder.webrtc.ReceiveOnlyPeer;
import sabaq.recorder.webrtc.ReceiveSlot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live part of one recording: the recorder joins the lesson through signalling like any participant
 * (docs/protocol.md), subscribes to every published track with a receive-only {@link ReceiveOnlyPeer} and
 * renegotiates whenever {@code tracks} changes (one offer in flight, later changes folded into the next), and
 * records each track with a {@link TrackRecorder}. If the WebSocket or the media connection is lost it tears its
 * side down (FFmpeg closes the segments in progress, so they are kept) and joins again with growing backoff; the
 * outage is the only gap. It ends at {@code lesson-ended}, on {@link #stop()}, or when a rejoin is refused because
 * the lesson is over.
 *
 * <p>All state changes run on the recorder's scheduler thread (signalling and peer callbacks are handed over), so
 * the class needs no locks beyond what {@link #snapshot} reads.
 */
public final class LessonRecording {
    private static final Logger LOG = LoggerFactory.getLogger(LessonRecording.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BACKOFF_DOUBLINGS = 4;

    private final RecordingRequest request;
    private final String recordingId;
    private final RecordingContext ctx;
    private final String keyPrefix;
    private final Path dir;
    private final UploadJournal journal;
    private final long startedAtMillis;
    private final Map<String, TrackInfo> knownTracks = new LinkedHashMap<>();
    private final Map<String, ParticipantInfo> participants = new LinkedHashMap<>();
    private final List<SegmentRecord> segments = new ArrayList<>();
    private final Map<String, AtomicInteger> runCounters = new HashMap<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final List<CompletableFuture<Void>> closing = new ArrayList<>();
    private final AtomicInteger joins = new AtomicInteger();
    private SignallingClient signalling;
    private ReceiveOnlyPeer peer;
    private final List<ReceiveSlot> slots = new ArrayList<>();
    private final Map<String, TrackRecorder> recorders = new HashMap<>();
    private Map<String, TrackInfo> published = Map.of();
    private boolean negotiating;
    private boolean renegotiate;
    private boolean ending;
    private int nextMid;
    private int failures;
    /** Grows with every connection attempt and teardown; callbacks of an older attempt are ignored. */
    private int generation;
    private long endedAtMillis;
    private String selfId;

    /** A participant seen during the recording. */
    public record ParticipantInfo(String id, String name, String role, long firstSeenMillis, long lastSeenMillis) {
    }

    public LessonRecording(RecordingRequest request, String recordingId, RecordingContext ctx) {
        this.request = request;
        this.recordingId = recordingId;
        this.ctx = ctx;
        this.keyPrefix = "recordings/" + request.lessonId() + "/" + recordingId;
        this.dir = ctx.spoolDir().resolve(request.lessonId()).resolve(recordingId);
        this.startedAtMillis = ctx.time().epochMillis();
        try {
            this.journal = UploadJournal.open(dir.resolve("uploaded.journal"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the upload journal in " + dir, e);
        }
    }

    public String recordingId() {
        return recordingId;
    }

    public RecordingRequest request() {
        return request;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public Path dir() {
        return dir;
    }

    public UploadJournal journal() {
        return journal;
    }

    /** Completes when the lesson ended (or {@link #stop()}) and every segment is handed to the uploader. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Joins the lesson. */
    public void start() {
        ctx.scheduler().execute(this::connect);
    }

    /** Stops recording (the lesson ended). Idempotent. */
    public void stop() {
        ctx.scheduler().execute(() -> end("stopped"));
    }

    /** How many times the recorder has joined the lesson (1 without outages). */
    public int joins() {
        return joins.get();
    }

    private void connect() {
        if (ending) return;
        int attempt = ++generation;
        SignallingClient.connect(URI.create(request.webSocketUrl()), new SignallingClient.Listener() {
            @Override
            public void onMessage(JsonNode message) {
                ctx.scheduler().execute(() -> {
                    if (attempt == generation) onSignal(message);
                });
            }

            @Override
            public void onClosed(int status, String reason) {
                ctx.scheduler().execute(() -> {
                    if (attempt == generation) lost("signalling closed (" + status + " " + reason + ")");
                });
            }
        }, REQUEST_TIMEOUT).whenComplete((client, e) -> ctx.scheduler().execute(() -> {
            if (attempt != generation || ending) {
                if (client != null) client.close();
                return;
            }
            if (e != null) {
                lost("cannot reach signalling: " + e.getMessage());
                return;
            }
            signalling = client;
            ObjectNode join = SignallingClient.message("join").put("token", request.joinToken())
                    .put("name", ctx.displayName()).put("lang", "en");
            client.request(join, REQUEST_TIMEOUT).whenComplete((joined, err) -> ctx.scheduler().execute(() -> {
                if (attempt != generation) return;
                if (err != null) {
                    Throwable c = err instanceof java.util.concurrent.CompletionException ? err.getCause() : err;
                    if (c instanceof SignallingClient.ErrorReply && isFinal(((SignallingClient.ErrorReply) c).code())) {
                        end("join refused: " + c.getMessage());
                    } else {
                        lost("join failed: " + c);
                    }
                    return;
                }
                onJoined(client, joined);
            }));
        }));
    }

    private static boolean isFinal(String code) {
        return code.equals("LESSON_ENDED") || code.equals("LESSON_NOT_FOUND") || code.startsWith("TOKEN_")
                || code.equals("REMOVED") || code.equals("FORBIDDEN");
    }

    private void onJoined(SignallingClient client, JsonNode joined) {
        if (client != signalling || ending) return;
        selfId = joined.path("participantId").asText();
        failures = 0;
        joins.incrementAndGet();
        for (JsonNode p : joined.path("participants")) seen(p);
        LOG.info("recording {} of lesson {}: joined as {}", recordingId, request.lessonId(), selfId);
        peer = new ReceiveOnlyPeer(recordingId + "-" + joins.get(), ctx.bindHost(), ctx.certificate(), ctx.scheduler(),
                ctx.dtlsExecutor(), ctx.time(), ctx.peerSilenceTimeout(), state -> onPeerState(client, state));
        slots.clear();
        recorders.clear();
        onTracks(joined.path("tracks"));
    }

    private void onSignal(JsonNode m) {
        switch (m.path("type").asText()) {
            case "tracks":
                onTracks(m.path("tracks"));
                break;
            case "participant-joined":
            case "participant-updated":
                seen(m.path("participant"));
                break;
            case "lesson-ended":
                end("lesson ended");
                break;
            case "removed":
                end("removed by the teacher");
                break;
            default:
                break;
        }
    }

    private void seen(JsonNode p) {
        String id = p.path("id").asText(null);
        if (id == null || id.equals(selfId)) return;
        long now = ctx.time().epochMillis();
        ParticipantInfo old = participants.get(id);
        participants.put(id, new ParticipantInfo(id, p.path("name").asText(""), p.path("role").asText(""),
                old == null ? now : old.firstSeenMillis(), now));
    }

    private void onTracks(JsonNode tracks) {
        if (peer == null || ending) return;
        Map<String, TrackInfo> now = new LinkedHashMap<>();
        for (JsonNode t : tracks) {
            String trackId = t.path("trackId").asText();
            String pid = t.path("participantId").asText();
            if (pid.equals(selfId)) continue;
            TrackKind kind = "audio".equals(t.path("kind").asText()) ? TrackKind.AUDIO : TrackKind.VIDEO;
            ParticipantInfo who = participants.get(pid);
            TrackInfo info = new TrackInfo(trackId, pid, who == null ? "" : who.name(), who == null ? "" : who.role(),
                    kind, t.path("source").asText());
            now.put(trackId, info);
            knownTracks.putIfAbsent(trackId, info);
        }
        published = now;
        negotiate();
    }

    private void negotiate() {
        if (negotiating) {
            renegotiate = true;
            return;
        }
        ReceiveOnlyPeer p = peer;
        SignallingClient s = signalling;
        if (p == null || s == null || ending) return;
        boolean changed = false;
        for (int i = 0; i < slots.size(); i++) {
            ReceiveSlot slot = slots.get(i);
            if (slot.active() && !published.containsKey(slot.trackId())) {
                TrackRecorder r = recorders.remove(slot.mid());
                if (r != null) closing.add(r.close());
                slots.set(i, new ReceiveSlot(slot.mid(), slot.kind(), null));
                changed = true;
            }
        }
        for (TrackInfo t : published.values()) {
            boolean has = slots.stream().anyMatch(x -> t.trackId().equals(x.trackId()));
            if (has) continue;
            String mid = Integer.toString(nextMid++);
            slots.add(new ReceiveSlot(mid, t.kind(), t.trackId()));
            recorders.put(mid, newTrackRecorder(t, mid));
            changed = true;
        }
        if (!changed || slots.isEmpty()) return;
        negotiating = true;
        List<ReceiveSlot> offered = List.copyOf(slots);
        ObjectNode offer = SignallingClient.message("offer").put("sdp", p.createOffer(offered));
        ArrayNode subscribe = offer.putArray("subscribe");
        for (ReceiveSlot slot : offered) {
            if (slot.active()) subscribe.addObject().put("mid", slot.mid()).put("trackId", slot.trackId());
        }
        s.request(offer, REQUEST_TIMEOUT).whenComplete((answer, e) -> ctx.scheduler().execute(() -> {
            negotiating = false;
            if (p != peer || ending) return;
            if (e != null) {
                LOG.warn("recording {}: offer failed: {}", recordingId, e.toString());
                lost("offer failed");
                return;
            }
            Map<String, InboundSink> sinks = new HashMap<>(recorders);
            Map<String, TrackKind> kinds = new HashMap<>();
            for (ReceiveSlot slot : offered) kinds.put(slot.mid(), slot.kind());
            try {
                p.acceptAnswer(answer.path("sdp").asText(), sinks, kinds);
            } catch (IllegalArgumentException bad) {
                lost("unusable answer: " + bad.getMessage());
                return;
            }
            for (ReceiveSlot slot : offered) if (slot.active() && slot.kind() == TrackKind.VIDEO) p.requestKeyframe(slot.mid());
            if (renegotiate) {
                renegotiate = false;
                negotiate();
            }
        }));
    }

    private TrackRecorder newTrackRecorder(TrackInfo t, String mid) {
        AtomicInteger runs = runCounters.computeIfAbsent(t.trackId(), k -> new AtomicInteger());
        ReceiveOnlyPeer p = peer;
        return new TrackRecorder(ctx.trackSettings(), t, dir.resolve("tracks").resolve(t.keyName()),
                keyPrefix + "/tracks/" + t.keyName(), runs::incrementAndGet, ctx.uploader(), journal,
                this::stored, () -> p.requestKeyframe(mid));
    }

    private void stored(SegmentRecord r) {
        synchronized (segments) {
            segments.add(r);
        }
    }

    private void onPeerState(SignallingClient client, ReceiveOnlyPeer.State state) {
        if (client != signalling || client == null) return;
        if (state == ReceiveOnlyPeer.State.FAILED) lost("media connection failed: " + peer.failure());
    }

    /** The connection is gone: keep what was recorded and join again later. */
    private void lost(String why) {
        if (ending) return;
        LOG.warn("recording {} of lesson {}: {}; rejoining", recordingId, request.lessonId(), why);
        teardown();
        long delay = ctx.rejoinBackoff().toMillis() << Math.min(failures++, MAX_BACKOFF_DOUBLINGS);
        ctx.scheduler().schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void teardown() {
        generation++;
        for (TrackRecorder r : recorders.values()) closing.add(r.close());
        recorders.clear();
        slots.clear();
        negotiating = false;
        renegotiate = false;
        if (peer != null) peer.close();
        peer = null;
        SignallingClient s = signalling;
        signalling = null;
        if (s != null) s.close();
    }

    private void end(String why) {
        if (ending) return;
        ending = true;
        endedAtMillis = ctx.time().epochMillis();
        LOG.info("recording {} of lesson {} stops: {}", recordingId, request.lessonId(), why);
        teardown();
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                .thenCompose(v -> ctx.uploader().drained())
                .whenComplete((v, e) -> finished.complete(null));
    }

    /** Simulates a crash of the recorder's connection (fault tests): the socket and peer go, the rejoin follows. */
    public void dropConnection() {
        ctx.scheduler().execute(() -> lost("connection dropped on purpose"));
    }

    /** A consistent copy of what was recorded so far. */
    public Snapshot snapshot() {
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        ctx.scheduler().execute(() -> {
            List<SegmentRecord> segs;
            synchronized (segments) {
                segs = List.copyOf(segments);
            }
            f.complete(new Snapshot(List.copyOf(knownTracks.values()), List.copyOf(participants.values()), segs,
                    startedAtMillis, endedAtMillis, List.copyOf(recorders.values())));
        });
        return f.join();
    }

    /** What a recording holds at one moment. */
    public record Snapshot(List<TrackInfo> tracks, List<ParticipantInfo> participants, List<SegmentRecord> segments,
                           long startedAtMillis, long endedAtMillis, List<TrackRecorder> liveRecorders) {
    }
}
