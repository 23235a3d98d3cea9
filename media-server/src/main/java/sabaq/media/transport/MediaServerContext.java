package sabaq.media.transport;

import sabaq.common.time.TimeSource;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.ice.IceLiteResponder;
import sabaq.media.server.MediaServerConfig;

import java.security.SecureRandom;
import java.util.concurrent.Executor;

/** What every session of one media server shares: the socket, routing tables, certificate, pools and settings. */
public record MediaServerContext(
        MediaServerConfig config,
        UdpTransport udp,
        PacketRouter router,
        IceLiteResponder ice,
        DtlsCertificate certificate,
        Executor dtlsExecutor,
        MediaCounters counters,
        TimeSource time,
        SecureRandom random,
        int tcpPort) {

    /** True when ICE-TCP listens ({@link #tcpPort()} is its port). */
    public boolean tcpEnabled() {
        return tcpPort > 0;
    }
}
