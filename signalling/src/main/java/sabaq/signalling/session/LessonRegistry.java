package sabaq.signalling.session;

import io.vertx.core.Context;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.footprint.FootprintSink;
import sabaq.common.media.MediaBackend;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.LessonOwner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All lessons of this server by id. Thread safe (lessons are created and looked up from any event loop); the state of
 * each lesson lives in its {@link LessonHub}.
 */
public final class LessonRegistry {
    private static final Logger log = LoggerFactory.getLogger(LessonRegistry.class);

    private final Map<String, LessonHub> hubs = new ConcurrentHashMap<>();
    private final MediaBackend media;
    private final TimeSource time;
    private final int chatHistory;
    private final int maxLessons;
    private final LessonIds ids = new LessonIds();
    private final FootprintSink footprint;
    private final Duration qualityInterval;

    /** Lessons without a digital footprint. */
    public LessonRegistry(MediaBackend media, TimeSource time, int chatHistory, int maxLessons) {
        this(media, time, chatHistory, maxLessons, FootprintSink.NONE, Duration.ofSeconds(30));
    }

    /**
     * Lessons whose footprint goes to {@code footprint}, with at most one connection quality sample per participant
     * per {@code qualityInterval}.
     */
    public LessonRegistry(MediaBackend media, TimeSource time, int chatHistory, int maxLessons, FootprintSink footprint,
                          Duration qualityInterval) {
        this.media = Objects.requireNonNull(media, "media");
        this.time = Objects.requireNonNull(time, "time");
        this.chatHistory = chatHistory;
        this.maxLessons = maxLessons;
        this.footprint = Objects.requireNonNull(footprint, "footprint");
        this.qualityInterval = Objects.requireNonNull(qualityInterval, "qualityInterval");
    }

    /** Creates a live guest lesson owned by {@code owner}; returns null when the server already holds its maximum. */
    public LessonHub create(String title, String teacherName, Context owner) {
        return create(title, teacherName, owner, null);
    }

    /**
     * Creates a live lesson run on the {@code context}, for a group when {@code lessonOwner} is given; returns null
     * when the server already holds its maximum.
     */
    public LessonHub create(String title, String teacherName, Context context, LessonOwner lessonOwner) {
        if (hubs.size() >= maxLessons) return null;
        while (true) {
            String id = ids.lessonId();
            Lesson lesson = new Lesson(id, title, teacherName, time.epochMillis(), chatHistory);
            LessonHub hub = new LessonHub(lesson, lessonOwner, context, media, time, footprint,
                    qualityInterval.toNanos());
            if (hubs.putIfAbsent(id, hub) == null) {
                log.info("lesson {} created", id);
                return hub;
            }
        }
    }

    /** The lesson, or null when there is none with this id. */
    public LessonHub get(String lessonId) {
        return lessonId == null ? null : hubs.get(lessonId);
    }

    public int size() {
        return hubs.size();
    }

    /** The lessons held now (live and recently ended), in no particular order. */
    public List<LessonHub> lessons() {
        return new ArrayList<>(hubs.values());
    }

    /** Forgets lessons that ended longer than {@code endedRetention} ago and empty lessons whose links have expired. */
    public void sweep(Duration tokenTtl, Duration endedRetention) {
        for (LessonHub hub : hubs.values()) {
            hub.run(() -> {
                if (hub.isStale(time.epochMillis(), tokenTtl.toMillis(), endedRetention.toMillis())) {
                    hub.shutdown();
                    hubs.remove(hub.id(), hub);
                    log.info("lesson {} forgotten", hub.id());
                }
            });
        }
    }

    /** Closes every lesson's sockets and SFU room (server shutdown). */
    public Future<Void> closeAll() {
        List<Future<Void>> done = new ArrayList<>();
        for (LessonHub hub : hubs.values()) {
            done.add(hub.call(() -> {
                hub.shutdown();
                return null;
            }));
        }
        hubs.clear();
        return Future.join(done).mapEmpty();
    }
}
