package sabaq.media.server;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaServerConfigTest {

    @Test
    void everyKeyHasADefault() {
        MediaServerConfig c = MediaServerConfig.from(ConfigFactory.defaultReference());
        assertEquals("127.0.0.1", c.bindHost());
        assertEquals("127.0.0.1", c.announcedHost(), "announced host falls back to the bind host");
        assertEquals(2_500_000, c.publisherMaxBitrateBps());
        assertEquals(1024, c.retransmissionCachePackets());
        assertTrue(c.srtpProfiles().contains("AEAD_AES_128_GCM"));
    }

    @Test
    void badValuesNameTheirKey() {
        assertBad("sabaq.media.port = 70000", "sabaq.media.port");
        assertBad("sabaq.media.rtp.retransmission-cache-packets = 1000", "retransmission-cache-packets");
        assertBad("sabaq.media.transport = quic", "sabaq.media.transport");
        assertBad("sabaq.media.dtls.srtp-profiles = [ROT13]", "srtp-profiles");
        assertBad("sabaq.media.bandwidth.publisher-max-bitrate = fast", "publisher-max-bitrate");
        assertBad("sabaq.media.ice.close-timeout = 2 seconds", "close-timeout");
    }

    private static void assertBad(String override, String key) {
        ConfigException e = assertThrows(ConfigException.class, () -> MediaServerConfig.from(
                ConfigFactory.parseString(override).withFallback(ConfigFactory.defaultReference()).resolve()));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
