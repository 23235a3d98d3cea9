package sabaq.signalling.session;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestClient;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throws 2000 random and mutated messages (fixed seed) at one student socket, then checks that the socket still
 * answers, the lesson still works for everyone, and no message caused a server fault (INTERNAL).
 */
@ExtendWith(VertxExtension.class)
class ProtocolFuzzTest {
    private static final int MESSAGES = 2000;
    /** Types a student may legitimately use to end its own session or the lesson are left out. */
    private static final List<String> TYPES = List.of("join", "offer", "unpublish", "media-state", "chat", "hand",
            "grant-floor", "mute", "unmute", "remove", "ping", "bogus", "", "OFFER");
    private static final List<String> FIELDS = List.of("type", "requestId", "token", "name", "sdp", "publish",
            "subscribe", "source", "camera", "microphone", "text", "raised", "participantId", "granted", "mid",
            "trackId", "kind", "clientId", "lang");
    private static final String NOISE = "{}[]\",:\\0 x-\u0000\u00e9";
    private static SignallingFixture f;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "rate-limit-per-second = 1000000");
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    @Test
    void randomAndMutatedMessagesDoNotHurtTheSocketOrTheLesson() {
        JsonObject lesson = f.createLesson("Fuzz", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient other = f.joined(lesson.getString("studentToken"), "Other");
        TestClient target = f.joined(lesson.getString("studentToken"), "Target");
        teacher.send(new JsonObject().put("type", "offer").put("sdp", "v=0")
                .put("publish", new JsonArray().add(new JsonObject().put("mid", "0").put("source", "camera"))));
        teacher.next("answer");
        target.next("tracks");

        Random random = new Random(20261123L);
        List<String> valid = validMessages(lesson, teacher.participantId(), other.participantId());
        for (int i = 0; i < MESSAGES; i++) {
            String message;
            switch (random.nextInt(4)) {
                case 0:
                    message = randomText(random);
                    break;
                case 1:
                    message = randomJson(random, 0).toString();
                    break;
                case 2:
                    message = mutateText(random, valid.get(random.nextInt(valid.size())));
                    break;
                default:
                    message = mutateStructure(random, new JsonObject(valid.get(random.nextInt(valid.size())))).encode();
            }
            target.sendText(message);
        }

        String marker = "after the storm";
        target.chat(marker);
        awaitChat(teacher, marker);
        target.ping("still here");
        String text = "lesson goes on";
        teacher.chat(text);
        awaitChat(other, text);
        awaitChat(target, text);

        Set<String> known = EnumSet.allOf(ErrorCode.class).stream().map(Enum::name).collect(Collectors.toSet());
        List<JsonObject> errors = target.all("error");
        assertTrue(errors.size() > MESSAGES / 2, "most fuzz messages are refused: " + errors.size());
        for (JsonObject e : errors) {
            assertTrue(known.contains(e.getString("code")), e.encode());
            assertNotEquals("INTERNAL", e.getString("code"), () -> "server fault: " + e.encode());
        }
        assertFalse(target.isClosed());
    }

    /** Skips the fuzzer's own chat lines until {@code text} arrives. */
    private static void awaitChat(TestClient c, String text) {
        JsonObject chat = c.next("chat");
        while (!chat.getString("text").equals(text)) chat = c.next("chat");
    }

    private static List<String> validMessages(JsonObject lesson, String teacherId, String otherId) {
        List<JsonObject> m = new ArrayList<>();
        m.add(new JsonObject().put("type", "join").put("token", lesson.getString("studentToken")).put("name", "Again"));
        m.add(new JsonObject().put("type", "offer").put("sdp", "v=0\r\n").put("requestId", "r")
                .put("publish", new JsonArray().add(new JsonObject().put("mid", "0").put("source", "microphone")))
                .put("subscribe", new JsonArray().add(new JsonObject().put("mid", "1").put("trackId", teacherId + ":camera"))));
        m.add(new JsonObject().put("type", "offer").put("sdp", "v=0\r\n")
                .put("subscribe", new JsonArray().add(new JsonObject().put("mid", "1").put("trackId", teacherId + ":camera"))));
        m.add(new JsonObject().put("type", "unpublish").put("source", "camera"));
        m.add(new JsonObject().put("type", "media-state").put("camera", true).put("microphone", false));
        m.add(new JsonObject().put("type", "chat").put("text", "hello\nworld"));
        m.add(new JsonObject().put("type", "hand").put("raised", true));
        m.add(new JsonObject().put("type", "grant-floor").put("participantId", otherId).put("granted", true));
        m.add(new JsonObject().put("type", "mute").put("participantId", otherId));
        m.add(new JsonObject().put("type", "remove").put("participantId", teacherId));
        m.add(new JsonObject().put("type", "unmute"));
        m.add(new JsonObject().put("type", "ping").put("requestId", "x"));
        return m.stream().map(JsonObject::encode).collect(Collectors.toList());
    }

    private static String randomText(Random r) {
        int n = r.nextInt(64);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0xD800)));
        return b.toString();
    }

    private static Object randomValue(Random r, int depth) {
        switch (r.nextInt(depth > 2 ? 6 : 8)) {
            case 0:
                return null;
            case 1:
                return r.nextBoolean();
            case 2:
                return r.nextInt();
            case 3:
                return r.nextDouble() * 1e12;
            case 4:
                return randomText(r);
            case 5:
                return TYPES.get(r.nextInt(TYPES.size()));
            case 6:
                return randomJson(r, depth + 1);
            default:
                JsonArray a = new JsonArray();
                for (int i = r.nextInt(4); i > 0; i--) a.add(randomValue(r, depth + 1));
                return a;
        }
    }

    private static JsonObject randomJson(Random r, int depth) {
        JsonObject o = new JsonObject();
        for (int i = r.nextInt(5); i > 0; i--) o.put(FIELDS.get(r.nextInt(FIELDS.size())), randomValue(r, depth + 1));
        if (depth == 0 && r.nextBoolean()) o.put("type", TYPES.get(r.nextInt(TYPES.size())));
        return o;
    }

    private static String mutateText(Random r, String s) {
        StringBuilder b = new StringBuilder(s);
        for (int k = 1 + r.nextInt(3); k > 0 && b.length() > 0; k--) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0:
                    b.deleteCharAt(at);
                    break;
                case 1:
                    b.insert(at, NOISE.charAt(r.nextInt(NOISE.length())));
                    break;
                default:
                    b.setCharAt(at, (char) (32 + r.nextInt(95)));
            }
        }
        return b.toString();
    }

    private static JsonObject mutateStructure(Random r, JsonObject o) {
        List<String> keys = new ArrayList<>(o.fieldNames());
        String key = keys.get(r.nextInt(keys.size()));
        switch (r.nextInt(4)) {
            case 0:
                o.remove(key);
                break;
            case 1:
                o.put(key, randomValue(r, 1));
                break;
            case 2:
                o.put(FIELDS.get(r.nextInt(FIELDS.size())), randomValue(r, 1));
                break;
            default:
                if (o.getValue("publish") instanceof JsonArray && !o.getJsonArray("publish").isEmpty()) {
                    o.getJsonArray("publish").set(0, randomValue(r, 1));
                } else {
                    o.put("type", TYPES.get(r.nextInt(TYPES.size())));
                }
        }
        return o;
    }
}
