package sabaq.signalling;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignallingConfigTest {

    private static Config with(String overrides) {
        return ConfigFactory.parseString("sabaq.signalling { " + overrides + " }").withFallback(ConfigFactory.defaultReference());
    }

    private static void assertFailsNaming(String key, String overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> SignallingConfig.from(with(overrides)));
        assertTrue(e.getMessage().contains("sabaq.signalling." + key), e.getMessage());
    }

    @Test
    void everyKeyHasADefault() {
        SignallingConfig c = SignallingConfig.defaults();
        assertEquals("127.0.0.1", c.host());
        assertEquals(8080, c.port());
        assertEquals("", c.publicBaseUrl());
        assertEquals("", c.tokenSecret());
        assertEquals(Duration.ofHours(12), c.tokenTtl());
        assertEquals(262144, c.maxMessageBytes());
        assertEquals(65536, c.maxHttpBodyBytes());
        assertEquals(50, c.rateLimitPerSecond());
        assertEquals(50, c.chatHistory());
        assertEquals(1000, c.maxParticipantsPerLesson());
        assertEquals(10000, c.maxLessons());
        assertEquals(Duration.ofSeconds(30), c.joinTimeout());
        assertEquals(4 * 1024 * 1024, c.maxSendQueueBytes());
        assertEquals(Duration.ofHours(1), c.endedLessonRetention());
        assertEquals(Duration.ofMinutes(1), c.sweepInterval());
        assertEquals(1, c.eventLoops());
    }

    @Test
    void everyReferenceKeyIsReadAndEveryRecordFieldHasAKey() {
        Config reference = ConfigFactory.defaultReference().getConfig(SignallingConfig.PATH);
        // auth.* and allow-guest-join are read by AuthConfig (AuthConfigTest), footprint.* by FootprintSettings.
        Set<String> keys = reference.root().keySet().stream()
                .filter(k -> !k.equals("auth") && !k.equals("allow-guest-join") && !k.equals("footprint"))
                .collect(Collectors.toSet());
        Set<String> fields = Arrays.stream(SignallingConfig.class.getRecordComponents())
                .map(rc -> rc.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertEquals(fields, keys);
        for (String key : keys) {
            Config without = ConfigFactory.defaultReference().withoutPath(SignallingConfig.PATH + "." + key);
            assertThrows(ConfigException.Missing.class, () -> SignallingConfig.from(without), key);
        }
    }

    @Test
    void badValuesFailNamingTheKey() {
        assertFailsNaming("port", "port = 70000");
        assertFailsNaming("port", "port = -1");
        assertFailsNaming("host", "host = \"  \"");
        assertFailsNaming("token-secret", "token-secret = \"too short\"");
        assertFailsNaming("token-ttl", "token-ttl = 1 second");
        assertFailsNaming("max-message-bytes", "max-message-bytes = 10");
        assertFailsNaming("rate-limit-per-second", "rate-limit-per-second = 0");
        assertFailsNaming("public-base-url", "public-base-url = \"ftp://example.org\"");
        assertFailsNaming("public-base-url", "public-base-url = \"https://example.org/?a=b\"");
        assertFailsNaming("event-loops", "event-loops = 0");
        assertFailsNaming("join-timeout", "join-timeout = banana");
    }

    @Test
    void goodOverrides() {
        SignallingConfig c = SignallingConfig.from(with("port = 0, public-base-url = \"https://sabaq.example.org/school/\", "
                + "token-secret = \"0123456789abcdef0123456789abcdef\", token-ttl = 2 hours"));
        assertEquals(0, c.port());
        assertEquals("https://sabaq.example.org/school", c.publicBaseUrl());
        assertEquals(Duration.ofHours(2), c.tokenTtl());
        assertFalse(c.toString().contains("0123456789abcdef"), "the secret must not be printed");
    }
}
