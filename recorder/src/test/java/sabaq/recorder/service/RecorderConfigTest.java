package sabaq.recorder.service;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecorderConfigTest {
    @Test
    void everyKeyHasADefault() {
        RecorderConfig c = RecorderConfig.defaults();
        assertTrue(c.enabled());
        assertEquals(Duration.ofSeconds(10), c.segmentLength());
        assertEquals(2L << 30, c.spoolMaxBytes());
        assertEquals(1_500_000, c.ladder().bitrate720());
        assertEquals(64_000, c.ladder().audioBitrate());
        assertTrue(c.storage().embedded());
        assertEquals("sabaq-recordings", c.storage().bucket());
        assertTrue(!c.storage().toString().contains("secret"), "the secret key is not printed");
    }

    private static RecorderConfig with(String hocon) {
        return RecorderConfig.from(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @Test
    void badValuesNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> with("sabaq.recorder.segment-length = 0 s"));
        assertTrue(e.getMessage().contains("sabaq.recorder.segment-length"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> with("sabaq.storage.s3.bucket = \"A\""));
        assertTrue(e.getMessage().contains("sabaq.storage.s3.bucket"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> with("sabaq.storage.s3.embedded = false"));
        assertTrue(e.getMessage().contains("sabaq.storage.s3.endpoint"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> with("sabaq.recorder.ladder.x264-preset = placebo"));
        assertTrue(e.getMessage().contains("x264-preset"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> with("sabaq.recorder.spool-max-bytes = 1 KiB"));
        assertTrue(e.getMessage().contains("spool-max-bytes"), e.getMessage());
        RecorderConfig minio = with("sabaq.storage.s3 { embedded = false, endpoint = \"https://minio.example.kz\" }");
        assertEquals("https://minio.example.kz", minio.storage().endpoint());
    }
}
