package sabaq.media.room;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActiveSpeakerDetectorTest {

    @Test
    void firstVoiceBecomesSpeakerAtOnce() {
        ActiveSpeakerDetector d = new ActiveSpeakerDetector(60, 2, 3);
        assertTrue(d.onInterval(Map.of("teacher", 30, "student", 127)));
        assertEquals("teacher", d.speaker());
    }

    @Test
    void levelsAboveThresholdAreSilence() {
        ActiveSpeakerDetector d = new ActiveSpeakerDetector(60, 2, 3);
        assertFalse(d.onInterval(Map.of("teacher", 61)));
        assertNull(d.speaker());
    }

    @Test
    void aNewSpeakerMustBeLoudestForTheConfirmIntervals() {
        ActiveSpeakerDetector d = new ActiveSpeakerDetector(60, 2, 3);
        d.onInterval(Map.of("teacher", 30));
        assertFalse(d.onInterval(Map.of("teacher", 40, "student", 20)), "one loud interval (a cough) is not enough");
        assertEquals("teacher", d.speaker());
        assertFalse(d.onInterval(Map.of("teacher", 20, "student", 40)), "the candidate streak is broken");
        assertFalse(d.onInterval(Map.of("teacher", 40, "student", 20)));
        assertTrue(d.onInterval(Map.of("teacher", 40, "student", 20)));
        assertEquals("student", d.speaker());
    }

    @Test
    void silenceClearsTheSpeakerAfterTheSilenceIntervals() {
        ActiveSpeakerDetector d = new ActiveSpeakerDetector(60, 2, 3);
        d.onInterval(Map.of("teacher", 30));
        assertFalse(d.onInterval(Map.of()));
        assertFalse(d.onInterval(Map.of("teacher", 127)));
        assertTrue(d.onInterval(Map.of()));
        assertNull(d.speaker());
    }
}
