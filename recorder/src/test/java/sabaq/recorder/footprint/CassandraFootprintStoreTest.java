package sabaq.recorder.footprint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(CassandraExtension.class)
class CassandraFootprintStoreTest {
    private CassandraFootprintStore store;

    @BeforeEach
    void fresh() {
        TestCassandra.truncateAll();
        store = TestCassandra.store();
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void everyVerbRoundTripsAndAReplayCountsOnce() throws Exception {
        Random r = new Random(11);
        List<FootprintEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) events.add(TestEvents.random(r, "LESSONA", i));
        await(store.write(events));
        await(store.write(events.subList(100, 200)));
        await(store.write(events));
        List<FootprintEvent> back = await(store.lessonEvents("LESSONA"));
        List<FootprintEvent> expected = new ArrayList<>(events);
        expected.sort(Comparator.comparingLong(FootprintEvent::timestamp).thenComparing(FootprintEvent::eventId));
        assertEquals(expected, back);
    }

    @Test
    void aPersonsDayAndTheSessionIndexes() throws Exception {
        long t = TestEvents.T0;
        List<FootprintEvent> events = List.of(
                TestEvents.simple("s", FootprintVerb.LESSON_STARTED, "teach", FootprintRole.TEACHER, "LESSONB", t),
                TestEvents.simple("j", FootprintVerb.JOINED, "teach", FootprintRole.TEACHER, "LESSONB", t + 1),
                TestEvents.simple("j", FootprintVerb.JOINED, "stud1", FootprintRole.STUDENT, "LESSONB", t + 2),
                TestEvents.event("c", FootprintVerb.CHAT_SENT, "stud1", FootprintRole.STUDENT, "LESSONB", t + 3, FootprintResult.chat(5)),
                TestEvents.simple("l", FootprintVerb.LEFT, "stud1", FootprintRole.STUDENT, "LESSONB", t + 4),
                TestEvents.simple("e", FootprintVerb.LESSON_ENDED, "teach", FootprintRole.TEACHER, "LESSONB", t + 5));
        await(store.write(events));
        List<FootprintEvent> mine = await(store.personDay("stud1", CassandraFootprintStore.day(t)));
        assertEquals(List.of(events.get(2), events.get(3), events.get(4)), mine);
        String month = CassandraFootprintStore.month(t);
        List<FootprintEvent> group = await(store.groupSessions(TestEvents.ORG, TestEvents.GROUP, month));
        assertEquals(List.of(FootprintVerb.LESSON_STARTED, FootprintVerb.JOINED, FootprintVerb.JOINED, FootprintVerb.LEFT,
                FootprintVerb.LESSON_ENDED), group.stream().map(FootprintEvent::verb).toList());
        List<FootprintEvent> programme = await(store.programmeSessions(TestEvents.ORG, TestEvents.PROGRAMME, month));
        assertEquals(List.of("teach", "teach", "teach"), programme.stream().map(e -> e.actor().id()).toList(),
                "teachers and the lesson start/end only");
    }
}
