package sabaq.media.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import sabaq.common.config.ConfigValues;

import java.time.Duration;
import java.util.List;

/** Validated settings of the media server, read from {@code sabaq.media} (see reference.conf for each key). */
public record MediaServerConfig(
        String bindHost,
        int port,
        String announcedHost,
        List<String> announcedAddresses,
        boolean tcpEnabled,
        String tcpBindHost,
        int tcpPort,
        Duration tcpIdleTimeout,
        TransportKind transport,
        int socketReceiveBufferBytes,
        int socketSendBufferBytes,
        Duration disconnectTimeout,
        Duration closeTimeout,
        Duration dtlsHandshakeTimeout,
        int dtlsQueueCapacity,
        List<String> srtpProfiles,
        int retransmissionCachePackets,
        Duration keyframeRequestInterval,
        boolean rtx,
        boolean transportCc,
        boolean audioRed,
        long publisherMaxBitrateBps,
        Duration rtcpReportInterval,
        Duration transportCcFeedbackInterval,
        long subscriberStartBitrateBps,
        long subscriberMinBitrateBps,
        long subscriberMaxBitrateBps,
        long audioOnlyBelowBps,
        long audioTrackBitrateBps,
        int lastN,
        Duration probeInterval,
        Duration allocationInterval,
        Duration qualityReportInterval,
        Duration speakerInterval,
        int speakerThresholdDbov) {

    public enum TransportKind { AUTO, EPOLL, NIO }

    private static List<String> announcedAddresses(Config config, String announcedHost) {
        List<String> list = config.getStringList("sabaq.media.announced-addresses");
        if (list.isEmpty()) return List.of(announcedHost);
        for (String a : list) {
            String[] hp = parseAddress(a, 1);
            try {
                if (hp == null) throw new IllegalArgumentException("not host or host:port");
                new sabaq.media.sdp.HostCandidate(hp[0], Integer.parseInt(hp[1]));
            } catch (IllegalArgumentException e) {
                throw new ConfigException.BadValue("sabaq.media.announced-addresses",
                        "each entry must be a literal IP address, optionally with :port (" + a + ")");
            }
        }
        return List.copyOf(list);
    }

    /** "host" or "host:port" (IPv6 as "[::1]:port"); returns {host, port} with {@code defaultPort}, or null. */
    public static String[] parseAddress(String a, int defaultPort) {
        String s = a.trim();
        String host;
        int port = defaultPort;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) return null;
            host = s.substring(1, end);
            if (end + 1 < s.length()) {
                if (s.charAt(end + 1) != ':') return null;
                port = parsePort(s.substring(end + 2));
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = parsePort(s.substring(s.indexOf(':') + 1));
        } else {
            host = s;
        }
        if (host.isEmpty() || port < 1) return null;
        return new String[]{host, Integer.toString(port)};
    }

    private static int parsePort(String p) {
        try {
            int v = Integer.parseInt(p);
            return v >= 1 && v <= 65535 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static MediaServerConfig from(Config config) {
        ConfigValues v = new ConfigValues(config, "sabaq.media");
        String bindHost = v.nonBlank("bind-host");
        String announced = v.string("announced-host").isBlank() ? bindHost : v.string("announced-host");
        TransportKind transport;
        try {
            transport = TransportKind.valueOf(v.string("transport").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue("sabaq.media.transport", "must be auto, epoll or nio");
        }
        List<String> profiles = config.getStringList("sabaq.media.dtls.srtp-profiles");
        if (profiles.isEmpty()) throw new ConfigException.BadValue("sabaq.media.dtls.srtp-profiles", "must not be empty");
        for (String p : profiles) {
            if (!p.equals("AEAD_AES_128_GCM") && !p.equals("AES_CM_128_HMAC_SHA1_80")) {
                throw new ConfigException.BadValue("sabaq.media.dtls.srtp-profiles", "unknown profile " + p);
            }
        }
        int cache = v.intIn("rtp.retransmission-cache-packets", 64, 32768);
        if (Integer.bitCount(cache) != 1) {
            throw new ConfigException.BadValue("sabaq.media.rtp.retransmission-cache-packets", "must be a power of two");
        }
        Duration disconnect = v.durationIn("ice.disconnect-timeout", Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration close = v.durationIn("ice.close-timeout", Duration.ofSeconds(1), Duration.ofHours(1));
        if (close.compareTo(disconnect) < 0) {
            throw new ConfigException.BadValue("sabaq.media.ice.close-timeout", "must not be shorter than ice.disconnect-timeout");
        }
        long min = v.bitrateIn("bandwidth.subscriber-min-bitrate", 10_000, 100_000_000);
        long max = v.bitrateIn("bandwidth.subscriber-max-bitrate", 10_000, 1_000_000_000);
        long start = v.bitrateIn("bandwidth.subscriber-start-bitrate", 10_000, 1_000_000_000);
        if (min > max || start < min || start > max) {
            throw new ConfigException.BadValue("sabaq.media.bandwidth.subscriber-start-bitrate",
                    "needs subscriber-min-bitrate <= subscriber-start-bitrate <= subscriber-max-bitrate");
        }
        return new MediaServerConfig(
                bindHost,
                v.port("port"),
                announced,
                announcedAddresses(config, announced),
                v.bool("tcp.enabled"),
                v.string("tcp.bind-host").isBlank() ? bindHost : v.string("tcp.bind-host"),
                v.intIn("tcp.port", -1, 65535),
                v.durationIn("tcp.idle-timeout", Duration.ofSeconds(5), Duration.ofMinutes(10)),
                transport,
                v.intIn("socket-receive-buffer-bytes", 65536, 256 << 20),
                v.intIn("socket-send-buffer-bytes", 65536, 256 << 20),
                disconnect,
                close,
                v.durationIn("dtls.handshake-timeout", Duration.ofMillis(500), Duration.ofMinutes(2)),
                v.intIn("dtls.queue-capacity", 4, 4096),
                List.copyOf(profiles),
                cache,
                v.durationIn("rtp.keyframe-request-interval", Duration.ZERO, Duration.ofSeconds(10)),
                v.bool("rtp.rtx"),
                v.bool("rtp.transport-cc"),
                v.bool("rtp.audio-red"),
                v.bitrateIn("bandwidth.publisher-max-bitrate", 50_000, 50_000_000),
                v.durationIn("bandwidth.rtcp-report-interval", Duration.ofMillis(100), Duration.ofSeconds(10)),
                v.durationIn("bandwidth.transport-cc-feedback-interval", Duration.ofMillis(20), Duration.ofSeconds(1)),
                start,
                min,
                max,
                v.bitrateIn("bandwidth.audio-only-below", 0, 10_000_000),
                v.bitrateIn("bandwidth.audio-track-bitrate", 0, 1_000_000),
                v.intIn("bandwidth.last-n", 0, 1000),
                v.durationIn("bandwidth.probe-interval", Duration.ofMillis(200), Duration.ofMinutes(1)),
                v.durationIn("bandwidth.allocation-interval", Duration.ofMillis(20), Duration.ofSeconds(10)),
                v.durationIn("quality.report-interval", Duration.ofMillis(200), Duration.ofMinutes(1)),
                v.durationIn("speaker.interval", Duration.ofMillis(50), Duration.ofSeconds(10)),
                v.intIn("speaker.threshold-dbov", 0, 127));
    }
}
