package sabaq.signalling.lesson;

import org.junit.jupiter.api.Test;
import sabaq.common.media.TrackSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonTest {
    private final Lesson lesson = new Lesson("AbCdEf012345", "Algebra", "Teacher", 1000, 3);

    @Test
    void tracksFollowTheLatestOffer() {
        lesson.addParticipant(new Participant("p1", "c1", "A", Role.STUDENT));
        lesson.addParticipant(new Participant("p2", "c2", "B", Role.STUDENT));
        Track cam = Track.of("p1", TrackSource.CAMERA, "0");
        Track mic = Track.of("p1", TrackSource.MICROPHONE, "1");
        assertEquals("p1:camera", cam.trackId());
        assertTrue(lesson.replaceTracks("p1", List.of(cam, mic)));
        assertTrue(lesson.replaceTracks("p2", List.of(Track.of("p2", TrackSource.SCREEN, "0"))));
        assertFalse(lesson.replaceTracks("p1", List.of(Track.of("p1", TrackSource.MICROPHONE, "5"), cam)),
                "a new mid for the same tracks is no change");
        assertEquals("5", lesson.track("p1:microphone").mid());
        assertTrue(lesson.replaceTracks("p1", List.of(cam)));
        assertNull(lesson.track("p1:microphone"));
        assertThrows(IllegalArgumentException.class, () -> lesson.replaceTracks("p1", List.of(Track.of("p2", TrackSource.CAMERA, "0"))));
        assertEquals(List.of(cam), lesson.removeTracksOf("p1"));
        assertEquals(1, lesson.tracks().size());
        lesson.removeParticipant("p2");
        assertTrue(lesson.tracks().isEmpty(), "a leaving participant takes its tracks along");
    }

    @Test
    void chatHistoryKeepsTheLastMessages() {
        for (int i = 0; i < 5; i++) {
            lesson.addChat(new ChatMessage(lesson.nextChatId(), "p", "n", Role.STUDENT, "m" + i, i));
        }
        List<ChatMessage> h = lesson.chatHistory();
        assertEquals(List.of("m2", "m3", "m4"), h.stream().map(ChatMessage::text).toList());
        assertEquals("5", h.get(2).id());
    }

    @Test
    void endAndRemovedClients() {
        assertTrue(lesson.isLive());
        lesson.end(5000);
        lesson.end(9000);
        assertEquals(LessonState.ENDED, lesson.state());
        assertEquals(5000, lesson.endedAtMillis());
        assertFalse(lesson.isRemoved("c1"));
        assertFalse(lesson.isRemoved(null));
        lesson.markRemoved("c1");
        assertTrue(lesson.isRemoved("c1"));
        assertThrows(IllegalStateException.class, () -> {
            lesson.addParticipant(new Participant("p1", "c", "A", Role.STUDENT));
            lesson.addParticipant(new Participant("p1", "c", "A", Role.STUDENT));
        });
    }
}
