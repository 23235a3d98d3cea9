package sabaq.recorder.footprint;

import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.QualitySample;
import sabaq.common.footprint.WatchedRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Footprint events for tests: one lesson's context, and random valid events of every verb. */
final class TestEvents {
    static final long T0 = 1_795_000_000_000L;
    static final UUID ORG = UUID.fromString("10000000-0000-0000-0000-000000000001");
    static final UUID GROUP = UUID.fromString("20000000-0000-0000-0000-000000000002");
    static final UUID PROGRAMME = UUID.fromString("30000000-0000-0000-0000-000000000003");
    static final UUID DISCIPLINE = UUID.fromString("40000000-0000-0000-0000-000000000004");

    private TestEvents() {
    }

    static FootprintContext context(String lessonId, FootprintRole role) {
        return new FootprintContext(lessonId, ORG, GROUP, PROGRAMME, DISCIPLINE, role);
    }

    static FootprintEvent event(String key, FootprintVerb verb, String actorId, FootprintRole role, String lessonId,
                                long at, FootprintResult result) {
        return FootprintEvent.check(key, verb, new FootprintActor(actorId, "Name " + actorId, false), lessonId, at,
                context(lessonId, role), result).orThrow();
    }

    static FootprintEvent simple(String key, FootprintVerb verb, String actorId, FootprintRole role, String lessonId, long at) {
        return event(key, verb, actorId, role, lessonId, at, FootprintResult.NONE);
    }

    /** A valid event of a random verb with a random result of its kind. */
    static FootprintEvent random(Random r, String lessonId, int n) {
        FootprintVerb verb = FootprintVerb.values()[r.nextInt(FootprintVerb.values().length)];
        FootprintResult result;
        switch (verb) {
            case SPOKE:
                result = FootprintResult.spoke(1 + r.nextInt(60_000));
                break;
            case CHAT_SENT:
                result = FootprintResult.chat(1 + r.nextInt(500));
                break;
            case CONNECTION_QUALITY:
                result = FootprintResult.quality(new QualitySample(1 + r.nextInt(5), r.nextInt(1000) / 10.0,
                        r.nextInt(500) - 1, r.nextInt(100) - 1));
                break;
            case RECORDING_WATCHED: {
                List<WatchedRange> ranges = new ArrayList<>();
                for (int i = 0, k = 1 + r.nextInt(4); i < k; i++) ranges.add(new WatchedRange(i * 10_000L, i * 10_000L + 1 + r.nextInt(9000)));
                result = FootprintResult.watched(ranges);
                break;
            }
            default:
                result = FootprintResult.NONE;
        }
        FootprintRole role = FootprintRole.values()[r.nextInt(3)];
        String actor = "p" + r.nextInt(30);
        String object = verb == FootprintVerb.RECORDING_WATCHED ? "rec-" + lessonId : lessonId;
        return FootprintEvent.check("k" + n, verb, new FootprintActor(actor, "Имя " + actor, r.nextBoolean()), object,
                T0 + n * 37L, new FootprintContext(lessonId, ORG, r.nextBoolean() ? GROUP : null, r.nextBoolean() ? PROGRAMME : null,
                        r.nextBoolean() ? DISCIPLINE : null, role), result).orThrow();
    }
}
