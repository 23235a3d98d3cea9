package sabaq.signalling.testing;

import sabaq.common.media.MediaBackend;
import sabaq.common.media.MediaException;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.MediaRoomListener;
import sabaq.common.media.PublishSpec;
import sabaq.common.media.SubscribeSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A media backend for tests: records every call, answers offers with a canned SDP on its own "media thread", or
 * fails the next negotiation of a peer with a given {@link MediaException}.
 */
public final class FakeMediaBackend implements MediaBackend {
    public static final String ANSWER_PREFIX = "v=0\r\ns=fake-answer-for-";

    private final Map<String, FakeRoom> rooms = new ConcurrentHashMap<>();
    private final ExecutorService mediaThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-media");
        t.setDaemon(true);
        return t;
    });

    @Override
    public MediaRoom openRoom(String roomId, MediaRoomListener listener) {
        FakeRoom room = new FakeRoom(roomId, listener);
        rooms.put(roomId, room);
        return room;
    }

    /** The room of a lesson, or null when signalling never opened it. */
    public FakeRoom room(String lessonId) {
        return rooms.get(lessonId);
    }

    @Override
    public void close() {
        mediaThread.shutdownNow();
    }

    /** One recorded {@link MediaPeer#negotiate} call. */
    public record Negotiation(String offerSdp, List<PublishSpec> publish, List<SubscribeSpec> subscribe) {
    }

    /** One recorded {@link MediaPeer#setTrackPaused} call. */
    public record PauseCall(String trackId, boolean paused) {
    }

    public final class FakeRoom implements MediaRoom {
        private final String id;
        private final MediaRoomListener listener;
        private final Map<String, FakePeer> peers = new ConcurrentHashMap<>();
        private volatile boolean closed;

        FakeRoom(String id, MediaRoomListener listener) {
            this.id = id;
            this.listener = listener;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public MediaPeer addPeer(String peerId) {
            FakePeer p = new FakePeer(peerId);
            peers.put(peerId, p);
            return p;
        }

        public FakePeer peer(String peerId) {
            return peers.get(peerId);
        }

        public MediaRoomListener listener() {
            return listener;
        }

        @Override
        public void close() {
            closed = true;
        }

        public boolean closed() {
            return closed;
        }
    }

    public final class FakePeer implements MediaPeer {
        private final String id;
        private final List<Negotiation> negotiations = new CopyOnWriteArrayList<>();
        private final List<PauseCall> pauses = new CopyOnWriteArrayList<>();
        private volatile RuntimeException nextFailure;
        private volatile boolean closed;

        FakePeer(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        /** The next negotiation fails with this exception (a {@link MediaException}, or any fault). */
        public void failNext(RuntimeException e) {
            nextFailure = e;
        }

        @Override
        public CompletionStage<String> negotiate(String offerSdp, List<PublishSpec> publish, List<SubscribeSpec> subscribe) {
            negotiations.add(new Negotiation(offerSdp, List.copyOf(publish), List.copyOf(subscribe)));
            RuntimeException failure = nextFailure;
            nextFailure = null;
            return CompletableFuture.supplyAsync(() -> {
                if (failure != null) throw failure;
                return ANSWER_PREFIX + id + "\r\n";
            }, mediaThread);
        }

        @Override
        public void setTrackPaused(String trackId, boolean paused) {
            pauses.add(new PauseCall(trackId, paused));
        }

        @Override
        public void close() {
            closed = true;
        }

        public List<Negotiation> negotiations() {
            return negotiations;
        }

        public List<PauseCall> pauses() {
            return pauses;
        }

        public boolean closed() {
            return closed;
        }
    }
}
