package sabaq.media.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaException;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.TrackKind;
import sabaq.common.test.Poll;
import sabaq.media.bot.BotOptions;
import sabaq.media.bot.BotTrack;
import sabaq.media.bot.GarbageDatagrams;
import sabaq.media.bot.RawUdpClient;
import sabaq.media.bot.ReceivedStream;
import sabaq.media.bot.RecordingRoomListener;
import sabaq.media.bot.WebRtcBot;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.dtls.SrtpProfile;
import sabaq.media.rtcp.RtcpWriter;
import sabaq.media.rtp.RtpHeaderWriter;
import sabaq.media.srtp.SrtpTransformer;
import sabaq.media.stun.StunMessage;
import sabaq.media.stun.StunMessages;
import sabaq.media.transport.MediaCounters.Counter;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken input at the SFU's real UDP port and at negotiate(), while bot A sends to bot B: each case must
 * move its own drop counter (by exactly what was sent, where the count is knowable) and leave the A→B flow running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MediaServer sfu;
    private InetSocketAddress sfuAddress;
    private final RecordingRoomListener events = new RecordingRoomListener();
    private MediaRoom room;
    private MediaPeer peerA;
    private WebRtcBot a;
    private WebRtcBot b;
    private final SplittableRandom random = new SplittableRandom(7);

    @BeforeAll
    void start() {
        sfu = TestSfu.start("");
        sfuAddress = new InetSocketAddress("127.0.0.1", sfu.port());
        room = sfu.openRoom("lesson", events);
        a = WebRtcBot.create(BotOptions.builder("a").seed(21)
                .track(BotTrack.sendAudio("0", "a-mic")).track(BotTrack.sendVideo("1", "a-cam")).build());
        b = WebRtcBot.create(BotOptions.builder("b").seed(22)
                .track(BotTrack.receive("0", TrackKind.AUDIO, "a-mic"))
                .track(BotTrack.receive("1", TrackKind.VIDEO, "a-cam")).build());
        peerA = room.addPeer("a");
        a.negotiate(peerA, WAIT);
        b.negotiate(room.addPeer("b"), WAIT);
        a.awaitConnected(WAIT);
        b.awaitConnected(WAIT);
        a.startMedia();
        assertFlowKeepsGoing();
    }

    @AfterAll
    void stop() {
        a.close();
        b.close();
        sfu.close();
        assertEquals(0, sfu.counters().get(Counter.INTERNAL_ERRORS));
    }

    @Test
    void garbageOfEveryFirstByteIsDroppedByItsProtocolRange() {
        long stun0 = count(Counter.DROP_STUN_MALFORMED);
        long proto0 = count(Counter.DROP_UNKNOWN_PROTOCOL);
        long addr0 = count(Counter.DROP_UNKNOWN_ADDRESS);
        int stun = 0;
        int proto = 0;
        int addr = 0;
        GarbageDatagrams garbage = new GarbageDatagrams(1);
        try (RawUdpClient raw = new RawUdpClient(sfuAddress)) {
            for (int first = 0; first < 256; first++) {
                for (int k = 0; k < 4; k++) {
                    byte[] d = garbage.randomBytes(1 + random.nextInt(300));
                    d[0] = (byte) first;
                    raw.send(d);
                    if (first <= 3) stun++;
                    else if (first >= 20 && first <= 63 || first >= 128 && first <= 191) addr++;
                    else proto++;
                }
            }
            raw.send(new byte[0]);
            proto++;
        }
        int stunN = stun;
        int protoN = proto;
        int addrN = addr;
        Poll.until(WAIT, () -> count(Counter.DROP_STUN_MALFORMED) - stun0 >= stunN
                && count(Counter.DROP_UNKNOWN_PROTOCOL) - proto0 >= protoN
                && count(Counter.DROP_UNKNOWN_ADDRESS) - addr0 >= addrN, "all garbage counted");
        assertEquals(stunN, count(Counter.DROP_STUN_MALFORMED) - stun0);
        assertEquals(protoN, count(Counter.DROP_UNKNOWN_PROTOCOL) - proto0);
        assertEquals(addrN, count(Counter.DROP_UNKNOWN_ADDRESS) - addr0);
        assertFlowKeepsGoing();
    }

    @Test
    void truncatedAndWronglyKeyedSrtpFromAPeersAddressFailsAuthentication() {
        long auth0 = count(Counter.DROP_SRTP_AUTH);
        long malformed0 = count(Counter.DROP_RTP_MALFORMED);
        long audioSsrc = a.sendSsrcs("0")[0];
        SrtpTransformer forged = SrtpTransformer.forClient(randomKeys());
        RtpHeaderWriter header = new RtpHeaderWriter();
        byte[] buf = new byte[1500];
        int auth = 0;
        for (int i = 0; i < 50; i++) {
            // Well-formed SRTP and SRTCP, on A's real SSRC and on made-up ones, protected with keys the SFU never saw.
            long ssrc = i % 2 == 0 ? audioSsrc : random.nextLong(1, 1L << 32);
            int len = header.clearExtensions().write(buf, 0, 111, false, random.nextInt(1 << 16), i * 960L, ssrc);
            len += 80;
            a.sendRaw(java.util.Arrays.copyOf(buf, forged.protectRtp(buf, 0, len)));
            int rtcp = RtcpWriter.pli(buf, 0, ssrc, audioSsrc);
            a.sendRaw(java.util.Arrays.copyOf(buf, forged.protectRtcp(buf, 0, rtcp)));
            auth += 2;
        }
        // Truncated: a whole RTP header but no room for an auth tag; an RTCP header alone.
        a.sendRaw(new byte[]{(byte) 0x80, 111, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 1, 2, 3});
        a.sendRaw(new byte[]{(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 2});
        a.sendRaw(new byte[]{(byte) 0x81, (byte) 205, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0});
        auth += 3;
        // Shorter than an RTP header and not RTCP.
        a.sendRaw(new byte[]{(byte) 0x80, 111, 0, 1, 0});
        a.sendRaw(new byte[]{(byte) 0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xBE, (byte) 0xDE, 0x7F, 0x7F});
        int malformed = 2;
        int authN = auth;
        Poll.until(WAIT, () -> count(Counter.DROP_SRTP_AUTH) - auth0 >= authN
                && count(Counter.DROP_RTP_MALFORMED) - malformed0 >= malformed, "forged SRTP counted");
        assertEquals(authN, count(Counter.DROP_SRTP_AUTH) - auth0);
        assertEquals(malformed, count(Counter.DROP_RTP_MALFORMED) - malformed0);
        assertFlowKeepsGoing();
    }

    @Test
    void stunWithAWrongPasswordGets401AndBindsNoAddress() {
        long bad0 = count(Counter.DROP_STUN_BAD_INTEGRITY);
        long addr0 = count(Counter.DROP_UNKNOWN_ADDRESS);
        try (RawUdpClient raw = new RawUdpClient(sfuAddress)) {
            String username = a.answer().iceUfrag() + ":" + a.iceUfrag();
            StunMessage response = request(raw, username, "not-the-password-of-the-sfu");
            assertNotNull(response, "an error response");
            assertTrue(response.isBindingError());
            assertEquals(401, response.errorCode());
            assertEquals(1, count(Counter.DROP_STUN_BAD_INTEGRITY) - bad0);
            // Media from that address is still unknown: the request bound nothing.
            raw.send(new byte[]{(byte) 0x80, 111, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
            Poll.until(WAIT, () -> count(Counter.DROP_UNKNOWN_ADDRESS) - addr0 == 1, "RTP from it dropped as unknown");
        }
        assertFlowKeepsGoing();
    }

    @Test
    void stunForAnUnknownUfragGets401() {
        long unknown0 = count(Counter.DROP_STUN_UNKNOWN_USER);
        try (RawUdpClient raw = new RawUdpClient(sfuAddress)) {
            StunMessage response = request(raw, "nobody:" + a.iceUfrag(), "whatever-password-123456");
            assertNotNull(response);
            assertTrue(response.isBindingError());
            assertEquals(401, response.errorCode());
        }
        assertEquals(1, count(Counter.DROP_STUN_UNKNOWN_USER) - unknown0);
        assertFlowKeepsGoing();
    }

    @Test
    void dtlsFromAnUnvalidatedAddressIsDroppedUnanswered() {
        long addr0 = count(Counter.DROP_UNKNOWN_ADDRESS);
        try (RawUdpClient raw = new RawUdpClient(sfuAddress)) {
            byte[] clientHello = new byte[120];
            random.nextBytes(clientHello);
            clientHello[0] = 22;
            clientHello[1] = (byte) 0xFE;
            clientHello[2] = (byte) 0xFD;
            raw.send(clientHello);
            Poll.until(WAIT, () -> count(Counter.DROP_UNKNOWN_ADDRESS) - addr0 == 1, "DTLS from a stranger dropped");
            assertNull(raw.receive(Duration.ofMillis(200)), "no reply to a stranger");
        }
        assertFlowKeepsGoing();
    }

    @Test
    void aDtlsClientWithTheWrongCertificateFailsAloneAndOthersAreUnaffected() {
        long failures0 = count(Counter.DTLS_FAILURES);
        DtlsCertificate notOurs = DtlsCertificate.generate();
        try (WebRtcBot m = WebRtcBot.create(BotOptions.builder("m").seed(23).offeredFingerprint(notOurs.fingerprint())
                .track(BotTrack.receive("0", TrackKind.AUDIO, "a-mic")).build())) {
            m.negotiate(room.addPeer("m"), WAIT);
            Poll.until(WAIT, () -> events.lastStateOf("m") == MediaConnectionState.FAILED, "m FAILED: " + events.statesOf("m"));
            Poll.until(WAIT, () -> m.state() == WebRtcBot.State.FAILED, "the bot's handshake fails too");
            assertEquals(1, count(Counter.DTLS_FAILURES) - failures0);
        }
        assertEquals(MediaConnectionState.CONNECTED, events.lastStateOf("a"));
        assertEquals(MediaConnectionState.CONNECTED, events.lastStateOf("b"));
        assertFlowKeepsGoing();
    }

    @Test
    void badOffersAreRefusedAndTheSessionKeepsItsState() {
        String good = a.createOffer();
        assertBadSdp("this is not SDP");
        assertBadSdp("v=0\r\nm=audio\r\n");
        assertBadSdp(good.replace("a=rtcp-mux\r\n", ""));
        assertBadSdp(good.replace("a=setup:actpass", "a=setup:passive"));
        assertBadSdp(good.replaceAll("a=fingerprint:sha-256 [0-9A-F:]+",
                "a=fingerprint:" + DtlsCertificate.generate().fingerprint().toSdpValue()));
        assertFlowKeepsGoing();
        assertEquals(MediaConnectionState.CONNECTED, events.lastStateOf("a"));
        String answer = a.negotiate(peerA, WAIT);
        assertTrue(answer.contains("a=ice-ufrag:" + a.answer().iceUfrag()), "same transport after the refusals");
        assertFlowKeepsGoing();
    }

    private void assertBadSdp(String offer) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> peerA.negotiate(offer, a.publishSpecs(),
                List.of()).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        MediaException me = assertInstanceOf(MediaException.class, e.getCause());
        assertEquals(MediaException.Code.BAD_SDP, me.code(), me.getMessage());
    }

    private StunMessage request(RawUdpClient raw, String username, String password) {
        byte[] tx = new byte[12];
        random.nextBytes(tx);
        raw.send(StunMessages.bindingRequest(tx, username, password.getBytes(StandardCharsets.UTF_8),
                2122194687L, true, true, 42));
        byte[] reply = raw.receive(WAIT);
        if (reply == null) return null;
        StunMessage m = StunMessage.parse(reply, 0, reply.length);
        assertNotNull(m, "the reply is STUN");
        assertEquals(java.util.Arrays.toString(tx), java.util.Arrays.toString(m.transactionId()));
        return m;
    }

    private void assertFlowKeepsGoing() {
        ReceivedStream video = Poll.until(WAIT, () -> b.received("1"), s -> s != null && s.packets() > 0, "video at B");
        long before = video.packets();
        Poll.until(WAIT, () -> video.packets() >= before + 30, "B keeps receiving A's video (had " + before + ")");
    }

    private long count(Counter c) {
        return sfu.counters().get(c);
    }

    private SrtpKeyMaterial randomKeys() {
        byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
        random.nextBytes(material);
        return SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, material);
    }
}
