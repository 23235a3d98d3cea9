package sabaq.common.footprint;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootprintEventTest {
    private static final long T = 1_790_000_000_000L;
    private static final FootprintActor ANA = new FootprintActor("ana-1", "Ana", false);
    private static final FootprintContext CTX = new FootprintContext("LESSON123456", UUID.randomUUID(), UUID.randomUUID(),
            null, null, FootprintRole.STUDENT);

    private static FootprintCheck check(String key, FootprintVerb verb, FootprintResult result) {
        return FootprintEvent.check(key, verb, ANA, "LESSON123456", T, CTX, result);
    }

    @Test
    void sameHappeningSameIdAndOtherActorOtherId() {
        FootprintEvent a = check("join:1", FootprintVerb.JOINED, null).orThrow();
        FootprintEvent b = check("join:1", FootprintVerb.JOINED, null).orThrow();
        assertEquals(a.eventId(), b.eventId());
        assertNotEquals(a.eventId(), check("join:2", FootprintVerb.JOINED, null).orThrow().eventId());
        assertNotEquals(a.eventId(), check("join:1", FootprintVerb.LEFT, null).orThrow().eventId());
        FootprintEvent other = FootprintEvent.check("join:1", FootprintVerb.JOINED, new FootprintActor("bob-2", "Bob", false),
                "LESSON123456", T, CTX, null).orThrow();
        assertNotEquals(a.eventId(), other.eventId());
        assertEquals(3, a.eventId().version(), "name-based (MD5) UUID");
    }

    @Test
    void eachVerbTakesOnlyItsResult() {
        assertTrue(check("k", FootprintVerb.SPOKE, FootprintResult.spoke(1500)).valid());
        assertTrue(check("k", FootprintVerb.CHAT_SENT, FootprintResult.chat(12)).valid());
        assertTrue(check("k", FootprintVerb.CONNECTION_QUALITY, FootprintResult.quality(new QualitySample(4, 1.5, 80, 12))).valid());
        assertEquals("result", check("k", FootprintVerb.SPOKE, FootprintResult.NONE).field());
        assertEquals("result", check("k", FootprintVerb.SPOKE, FootprintResult.spoke(FootprintEvent.MAX_DURATION_MS + 1)).field());
        assertEquals("result", check("k", FootprintVerb.JOINED, FootprintResult.spoke(10)).field());
        assertEquals("result", check("k", FootprintVerb.CHAT_SENT, FootprintResult.chat(0)).field());
        assertEquals("result", check("k", FootprintVerb.CONNECTION_QUALITY, FootprintResult.quality(new QualitySample(6, 1, 1, 1))).field());
        assertEquals("result", check("k", FootprintVerb.CONNECTION_QUALITY, FootprintResult.quality(new QualitySample(3, Double.NaN, 1, 1))).field());
        assertEquals("result", check("k", FootprintVerb.CONNECTION_QUALITY, FootprintResult.quality(new QualitySample(3, 101, 1, 1))).field());
    }

    @Test
    void recordingRangesAreChecked() {
        FootprintCheck ok = FootprintEvent.check("seg-1", FootprintVerb.RECORDING_WATCHED, ANA, "rec-9", T, CTX,
                FootprintResult.watched(List.of(new WatchedRange(0, 4000), new WatchedRange(8000, 9000))));
        assertTrue(ok.valid(), ok.error());
        assertEquals("rec-9", ok.event().objectId());
        for (WatchedRange bad : List.of(new WatchedRange(-1, 5), new WatchedRange(5, 5), new WatchedRange(9, 3),
                new WatchedRange(0, FootprintEvent.MAX_DURATION_MS + 1))) {
            FootprintCheck c = FootprintEvent.check("seg-1", FootprintVerb.RECORDING_WATCHED, ANA, "rec-9", T, CTX,
                    FootprintResult.watched(List.of(bad)));
            assertFalse(c.valid(), bad.toString());
            assertEquals("result", c.field());
        }
        assertFalse(FootprintEvent.check("seg-1", FootprintVerb.RECORDING_WATCHED, ANA, "rec-9", T, CTX,
                FootprintResult.NONE).valid());
    }

    @Test
    void badFieldsNameTheField() {
        assertEquals("sourceKey", check("", FootprintVerb.JOINED, null).field());
        assertEquals("sourceKey", check("has space", FootprintVerb.JOINED, null).field());
        assertEquals("verb", check("k", null, null).field());
        assertEquals("actor.id", FootprintEvent.check("k", FootprintVerb.JOINED, new FootprintActor("a/b", "x", false),
                "LESSON123456", T, CTX, null).field());
        assertEquals("actor.name", FootprintEvent.check("k", FootprintVerb.JOINED, new FootprintActor("a", "x\u0000", false),
                "LESSON123456", T, CTX, null).field());
        assertEquals("object", FootprintEvent.check("k", FootprintVerb.JOINED, ANA, "OTHERLESSON1", T, CTX, null).field());
        assertEquals("timestamp", FootprintEvent.check("k", FootprintVerb.JOINED, ANA, "LESSON123456", 5, CTX, null).field());
        assertEquals("context", FootprintEvent.check("k", FootprintVerb.JOINED, ANA, "LESSON123456", T, null, null).field());
        FootprintContext noOrg = new FootprintContext("LESSON123456", null, UUID.randomUUID(), null, null, FootprintRole.STUDENT);
        assertEquals("context.org", FootprintEvent.check("k", FootprintVerb.JOINED, ANA, "LESSON123456", T, noOrg, null).field());
        FootprintCheck bad = check("k", FootprintVerb.JOINED, FootprintResult.chat(3));
        assertNull(bad.event());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::orThrow);
        assertTrue(e.getMessage().startsWith("result:"), e.getMessage());
    }

    @Test
    void verbsHaveDistinctIrisAndWireNames() {
        Set<String> iris = new HashSet<>();
        for (FootprintVerb v : FootprintVerb.values()) {
            assertTrue(iris.add(v.iri()), v + " shares its IRI");
            assertTrue(v.iri().startsWith("http://") || v.iri().startsWith("https://"));
            assertEquals(v, FootprintVerb.fromWire(v.wireName()).orElseThrow());
        }
        assertEquals("http://adlnet.gov/expapi/verbs/attended", FootprintVerb.JOINED.iri());
        assertEquals("https://sabaq.kz/xapi/verbs/hand-raised", FootprintVerb.HAND_RAISED.iri());
    }
}
