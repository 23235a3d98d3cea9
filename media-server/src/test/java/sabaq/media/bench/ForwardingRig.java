package sabaq.media.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.MediaRoomListener;
import sabaq.common.media.TrackKind;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.media.bot.BotOptions;
import sabaq.media.bot.BotTrack;
import sabaq.media.bot.WebRtcBot;
import sabaq.media.room.Peer;
import sabaq.media.server.MediaServer;
import sabaq.media.server.MediaServerConfig;
import sabaq.media.stun.StunMessages;
import sabaq.media.transport.MediaCounters;
import sabaq.media.transport.MediaCounters.Counter;
import sabaq.media.transport.PeerTransport;
import sabaq.media.transport.TransportTestAccess;

import com.typesafe.config.ConfigFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real SFU (epoll UDP socket, one media thread) with one publisher bot and N subscribers that went through real
 * ICE, DTLS and SRTP over loopback. The subscribers' bots are then closed and the SFU's side of each subscriber is
 * pointed at either a counting sink inside the process ({@link Output#DISCARD}: protect, no system call) or one of N
 * loopback {@link SinkSockets} ({@link Output#UDP}, moved there with a valid STUN request as a browser changing
 * address would). {@link #forward} then feeds the publisher's SRTP packets into the SFU on its media thread, so the
 * whole path runs single-threaded as in production: unprotect, producer, N consumers (rewrite + protect + send).
 */
final class ForwardingRig implements AutoCloseable {
    enum Output { DISCARD, UDP }

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final MediaServer sfu;
    private final WebRtcBot publisher;
    private final PeerTransport publisherTransport;
    private final SinkSockets sinks;
    private final ScheduledExecutorService botScheduler;
    private final ExecutorService botDtls;
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicLong discardedBytes = new AtomicLong();
    private final byte[] in = new byte[2048 + 64];
    private final int subscribers;
    private long fed;

    private ForwardingRig(MediaServer sfu, WebRtcBot publisher, PeerTransport publisherTransport, SinkSockets sinks,
                          ScheduledExecutorService botScheduler, ExecutorService botDtls, int subscribers) {
        this.sfu = sfu;
        this.publisher = publisher;
        this.publisherTransport = publisherTransport;
        this.sinks = sinks;
        this.botScheduler = botScheduler;
        this.botDtls = botDtls;
        this.subscribers = subscribers;
    }

    static ForwardingRig start(int subscribers, Output output) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("sabaq")).setLevel(Level.WARN);
        MediaServer sfu = startSfu();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("bench-bots"));
        ExecutorService dtls = Executors.newCachedThreadPool(daemon("bench-bots-dtls"));
        MediaRoom room = sfu.openRoom("bench", MediaRoomListener.NONE);
        WebRtcBot publisher = WebRtcBot.create(options("p", 1, scheduler, dtls)
                .videoPayloadBytes(1176).track(BotTrack.sendVideo("0", "p-cam")).build());
        publisher.negotiate(room.addPeer("p"), WAIT);
        publisher.awaitConnected(WAIT);

        List<WebRtcBot> bots = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            WebRtcBot b = WebRtcBot.create(options("s" + i, 100 + i, scheduler, dtls)
                    .track(BotTrack.receive("0", TrackKind.VIDEO, "p-cam")).build());
            bots.add(b);
            b.negotiate(room.addPeer("s" + i), WAIT);
            if (i % 25 == 24) bots.subList(i - 24, i + 1).forEach(x -> x.awaitConnected(WAIT));
        }
        bots.forEach(b -> b.awaitConnected(WAIT));

        Peer[] peers = sfu.onMediaThread(() -> sfu.room("bench").peers().toArray(new Peer[0])).join();
        PeerTransport publisherTransport = null;
        List<PeerTransport> subscriberTransports = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) subscriberTransports.add(null);
        for (Peer p : peers) {
            if (p.id().equals("p")) publisherTransport = p.transport();
            else subscriberTransports.set(Integer.parseInt(p.id().substring(1)), p.transport());
        }
        // The bots go first: their consent checks would otherwise pull the SFU's sessions back to the bots' sockets.
        bots.forEach(WebRtcBot::close);
        SinkSockets sinks = null;
        ForwardingRig rig;
        if (output == Output.UDP) {
            sinks = new SinkSockets(subscribers, new InetSocketAddress("127.0.0.1", sfu.port()));
            for (int i = 0; i < subscribers; i++) moveTo(sinks, i, bots.get(i));
            SinkSockets s = sinks;
            Poll.until(WAIT, () -> {
                for (int i = 0; i < subscribers; i++) {
                    if (!s.stunSeen(i)) return false;
                }
                return true;
            }, "every sink got its STUN answer");
            List<InetSocketAddress> expected = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) expected.add(s.address(i));
            boolean moved = sfu.onMediaThread(() -> {
                for (int i = 0; i < subscribers; i++) {
                    if (!expected.get(i).equals(subscriberTransports.get(i).remoteAddress())) return false;
                }
                return true;
            }).join();
            if (!moved) throw new IllegalStateException("not every subscriber moved to its sink");
            rig = new ForwardingRig(sfu, publisher, publisherTransport, sinks, scheduler, dtls, subscribers);
        } else {
            rig = new ForwardingRig(sfu, publisher, publisherTransport, null, scheduler, dtls, subscribers);
            sfu.onMediaThread(() -> {
                subscriberTransports.forEach(t -> TransportTestAccess.discardOutput(t, rig.discarded, rig.discardedBytes));
                return null;
            }).join();
        }
        rig.check();
        return rig;
    }

    /** Feeds {@code packets} publisher packets through the SFU on its media thread; returns when they are processed. */
    long forward(int packets) {
        return sfu.onMediaThread(() -> {
            long bytes = 0;
            for (int i = 0; i < packets; i++) {
                int len = publisher.writeProtectedVideoPacket(in);
                publisherTransport.onSrtp(in, 0, len, System.nanoTime());
                bytes += len;
                fed++;
            }
            return bytes;
        }).join();
    }

    /** Forwards a few packets and fails unless every subscriber got every one. */
    private void check() {
        long before = counters().get(Counter.RTP_FORWARDED);
        for (int i = 0; i < 20; i++) forward(10);
        long forwarded = counters().get(Counter.RTP_FORWARDED) - before;
        if (forwarded != 200L * subscribers) {
            throw new IllegalStateException("forwarded " + forwarded + " packets, expected " + 200L * subscribers);
        }
    }

    /** The SFU's media event-loop thread. */
    Thread mediaThread() {
        return sfu.onMediaThread(Thread::currentThread).join();
    }

    MediaCounters counters() {
        return sfu.counters();
    }

    /** What the sinks received (UDP) or the discard seam counted, for the report. */
    String summary() {
        MediaCounters c = sfu.counters();
        String out = sinks != null
                ? "sink datagrams " + sinks.datagrams() + ", " + sinks.bytes() + " bytes"
                : "discarded datagrams " + discarded.get() + ", " + discardedBytes.get() + " bytes";
        return subscribers + " subscribers: RTP_FORWARDED " + c.get(Counter.RTP_FORWARDED) + ", PACKETS_SENT "
                + c.get(Counter.PACKETS_SENT) + ", DROP_SEND_BACKLOG " + c.get(Counter.DROP_SEND_BACKLOG)
                + ", SOCKET_ERRORS " + c.get(Counter.SOCKET_ERRORS) + ", INTERNAL_ERRORS " + c.get(Counter.INTERNAL_ERRORS)
                + ", DROP_SRTP_AUTH " + c.get(Counter.DROP_SRTP_AUTH) + ", RTP_RECEIVED " + c.get(Counter.RTP_RECEIVED)
                + ", fed " + fed + " (forwarded / fed = " + String.format("%.3f", (double) c.get(Counter.RTP_FORWARDED) / fed)
                + ", expected " + subscribers + "); " + out;
    }

    @Override
    public void close() {
        publisher.close();
        sfu.close();
        if (sinks != null) sinks.close();
        botScheduler.shutdownNow();
        botDtls.shutdownNow();
    }

    /** A subscriber's SFU session follows the sink: a nominating Binding request with that subscriber's ICE credentials. */
    private static void moveTo(SinkSockets sinks, int i, WebRtcBot bot) {
        byte[] tx = new byte[12];
        new java.util.Random(i).nextBytes(tx);
        sinks.send(i, StunMessages.bindingRequest(tx, bot.answer().iceUfrag() + ":" + bot.iceUfrag(),
                bot.answer().icePwd().getBytes(StandardCharsets.UTF_8), 2122194687L, true, true, i));
    }

    private static MediaServer startSfu() {
        MediaServerConfig config = MediaServerConfig.from(ConfigFactory.parseString(String.join("\n",
                "sabaq.media.port = 0",
                "sabaq.media.transport = epoll",
                "sabaq.media.ice.disconnect-timeout = 10 minutes",
                "sabaq.media.ice.close-timeout = 1 hour"))
                .withFallback(ConfigFactory.defaultReference()).resolve());
        try {
            return MediaServer.start(config, TimeSource.SYSTEM);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BotOptions.Builder options(String name, long seed, ScheduledExecutorService scheduler,
                                              ExecutorService dtls) {
        return BotOptions.builder(name).seed(seed).scheduler(scheduler).dtlsExecutor(dtls)
                .rtcpInterval(Duration.ofSeconds(1)).consentInterval(Duration.ofSeconds(5));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
