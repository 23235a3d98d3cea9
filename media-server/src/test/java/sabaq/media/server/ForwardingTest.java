package sabaq.media.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.TrackKind;
import sabaq.common.test.Poll;
import sabaq.media.bot.BotOptions;
import sabaq.media.bot.BotTrack;
import sabaq.media.bot.ReceivedStream;
import sabaq.media.bot.RecordingRoomListener;
import sabaq.media.bot.RtcpLog;
import sabaq.media.bot.WebRtcBot;
import sabaq.media.transport.MediaCounters.Counter;

import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SFU forwarding over real UDP on 127.0.0.1 between Java bots: A publishes Opus and three-layer simulcast VP8,
 * B subscribes from the start, C joins late. One server and one room for the whole class; the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MediaServer sfu;
    private final RecordingRoomListener events = new RecordingRoomListener();
    private MediaRoom room;
    private MediaPeer peerB;
    private WebRtcBot a;
    private WebRtcBot b;
    private WebRtcBot c;

    @BeforeAll
    void start() {
        sfu = TestSfu.start("");
        room = sfu.openRoom("lesson", events);
        a = WebRtcBot.create(BotOptions.builder("a").seed(11)
                .track(BotTrack.sendAudio("0", "a-mic"))
                .track(BotTrack.sendSimulcastVideo("1", "a-cam"))
                .build());
        b = WebRtcBot.create(BotOptions.builder("b").seed(12)
                .track(BotTrack.receive("0", TrackKind.AUDIO, "a-mic"))
                .track(BotTrack.receive("1", TrackKind.VIDEO, "a-cam"))
                .build());
        a.negotiate(room.addPeer("a"), WAIT);
        peerB = room.addPeer("b");
        b.negotiate(peerB, WAIT);
        a.awaitConnected(WAIT);
        b.awaitConnected(WAIT);
        a.startMedia();
    }

    @AfterAll
    void stop() {
        for (WebRtcBot bot : new WebRtcBot[]{a, b, c}) {
            if (bot != null) bot.close();
        }
        sfu.close();
        assertEquals(0, sfu.counters().get(Counter.INTERNAL_ERRORS), "internal errors");
    }

    @Test
    @Order(1)
    void subscriberGetsAudioAndVideoOnItsOwnContinuousStreams() {
        ReceivedStream audio = awaitPackets(b, "0", 100);
        ReceivedStream video = awaitPackets(b, "1", 200);

        long[] published = concat(a.sendSsrcs("0"), a.sendSsrcs("1"), a.sendRtxSsrcs("1"));
        assertEquals(b.answer().section("0").ssrc(), audio.ssrc());
        assertEquals(b.answer().section("1").ssrc(), video.ssrc());
        for (long ssrc : new long[]{audio.ssrc(), video.ssrc()}) {
            assertTrue(Arrays.stream(published).noneMatch(p -> p == ssrc), "B must not see A's SSRC " + ssrc);
        }
        assertEquals(0, b.counters().unknownSsrc(), "every packet on an announced SSRC");
        assertEquals(0, b.counters().srtpAuthFailures());
        assertEquals(0, video.gapsOpened(), "rewritten video sequence numbers are continuous: " + video);
        assertEquals(0, audio.gapsOpened(), "rewritten audio sequence numbers are continuous: " + audio);
        assertEquals(0, video.duplicates());
        assertEquals(Boolean.TRUE, video.firstPacketKeyframe(), "the first video packet starts a VP8 key frame");
        assertEquals(0, video.pictureIdJumps(), "picture ids continue across the initial layer switches: " + video);
        assertEquals(1280, video.lastKeyframeWidth(), "B watches the top simulcast layer");
        assertEquals(720, video.lastKeyframeHeight());
        Poll.until(WAIT, () -> audio.senderReports() > 0 && video.senderReports() > 0, "translated SRs at B");
        assertTrue(b.rtcp().get(RtcpLog.Kind.SR) >= 2);
        // B's receiver reports echo those SRs (LSR/DLSR), from which the SFU measures its round trip to B.
        Poll.until(WAIT, () -> sfu.onMediaThread(() -> sfu.room("lesson").peers().stream()
                .filter(p -> p.id().equals("b")).flatMap(p -> p.consumers().stream())
                .allMatch(c -> c.rttMicros() >= 0 && c.rttMicros() < 1_000_000)).join(), "RTT to B from its RRs");
    }

    @Test
    @Order(2)
    void publisherGetsRembTransportCcAndReceiverReports() {
        RtcpLog rtcp = a.rtcp();
        Poll.until(WAIT, () -> rtcp.get(RtcpLog.Kind.REMB) > 0 && rtcp.get(RtcpLog.Kind.TRANSPORT_CC) > 5
                && rtcp.get(RtcpLog.Kind.RR) > 0, "REMB, transport-cc and RR at A");
        long[] layers = a.sendSsrcs("1");
        Poll.until(WAIT, () -> Arrays.stream(layers).allMatch(s -> rtcp.reportBlocksAbout(s) > 0)
                && rtcp.reportBlocksAbout(a.sendSsrcs("0")[0]) > 0, "report blocks about every stream of A");
        assertEquals(2_500_000, rtcp.lastRembBps(), "REMB carries the configured publisher ceiling");
        assertEquals(0, rtcp.malformed());
    }

    @Test
    @Order(3)
    void lateSubscriberStartsOnAKeyFrameThatItsJoinRequested() {
        long topLayer = a.sendSsrcs("1")[2];
        long requestsBefore = a.rtcp().keyframeRequestsFor(topLayer);
        long keyframesBefore = a.keyframesSent(topLayer);
        c = WebRtcBot.create(BotOptions.builder("c").seed(13)
                .track(BotTrack.receive("0", TrackKind.AUDIO, "a-mic"))
                .track(BotTrack.receive("1", TrackKind.VIDEO, "a-cam"))
                .track(BotTrack.sendAudio("2", "c-mic"))
                .build());
        c.setAudioLevel(127, false);
        c.negotiate(room.addPeer("c"), WAIT);
        c.awaitConnected(WAIT);
        c.startMedia();

        Poll.until(WAIT, () -> a.rtcp().keyframeRequestsFor(topLayer) > requestsBefore, "a PLI at A for its top layer");
        ReceivedStream video = awaitPackets(c, "1", 30);
        assertEquals(Boolean.TRUE, video.firstPacketKeyframe(), "C starts on a key frame: " + video);
        ReceivedStream audio = awaitPackets(c, "0", 10);
        long[] taken = concat(a.sendSsrcs("0"), a.sendSsrcs("1"), a.sendRtxSsrcs("1"),
                new long[]{b.received("0").ssrc(), b.received("1").ssrc()});
        for (long ssrc : new long[]{audio.ssrc(), video.ssrc()}) {
            assertTrue(Arrays.stream(taken).noneMatch(t -> t == ssrc), "C has SSRCs of its own: " + ssrc);
        }
        assertTrue(a.keyframesSent(topLayer) > keyframesBefore, "A answered the PLI with a key frame");
        assertTrue(sfu.counters().get(Counter.KEYFRAME_REQUESTS_SENT) > 0);
        assertEquals(0, video.gapsOpened());
    }

    @Test
    @Order(4)
    void subscriberNackIsAnsweredWithRtx() {
        ReceivedStream video = awaitPackets(b, "1", 50);
        long rtxBefore = video.retransmissions();
        long nacksBefore = sfu.counters().get(Counter.NACKS_RECEIVED);
        int seq = (video.highestSeq() - 3) & 0xFFFF;
        b.sendNack(video.ssrc(), seq);
        Poll.until(WAIT, () -> video.retransmissions() > rtxBefore, "an RTX retransmission at B");
        assertTrue(sfu.counters().get(Counter.NACKS_RECEIVED) > nacksBefore);
        assertTrue(sfu.counters().get(Counter.RETRANSMISSIONS_SENT) > 0, "retransmissions are counted");
        assertTrue(video.duplicates() > 0, "the repaired packet had already arrived, so it is a duplicate");

        b.setReceiveDropPercent(10);
        Poll.until(WAIT, () -> video.recovered() >= 10, "10 losses repaired through NACK + RTX");
        b.setReceiveDropPercent(0);
        assertTrue(b.counters().simulatedLoss() >= 10);
        assertTrue(b.counters().nacksSent() > 0);
        Poll.until(WAIT, () -> video.missingNow() == 0, "every loss repaired: " + video);
    }

    @Test
    @Order(5)
    void subscriberPliReachesThePublisher() {
        ReceivedStream video = awaitPackets(b, "1", 50);
        long topLayer = a.sendSsrcs("1")[2];
        long before = a.rtcp().keyframeRequestsFor(topLayer);
        long keyframesAtB = video.keyframes();
        // The SFU forwards at most one keyframe request per stream per 300 ms, so repeat like a browser would.
        Poll.until(WAIT, Duration.ofMillis(150), () -> {
            b.sendPli(video.ssrc());
            return a.rtcp().keyframeRequestsFor(topLayer);
        }, n -> n > before, "B's PLI forwarded to A");
        Poll.until(WAIT, () -> video.keyframes() > keyframesAtB, "the new key frame reaches B");
    }

    @Test
    @Order(6)
    void loudestPublisherBecomesTheActiveSpeaker() {
        a.setAudioLevel(20, true);
        Poll.until(WAIT, () -> "a".equals(events.lastSpeaker()), "A is the active speaker; " + events.speakers());
        a.setAudioLevel(127, false);
        c.setAudioLevel(25, true);
        Poll.until(WAIT, () -> "c".equals(events.lastSpeaker()), "C takes over; " + events.speakers());
        assertNotEquals(-1, events.speakers().indexOf("a"));
    }

    @Test
    @Order(7)
    void publisherLossIsRepairedEndToEndThroughRtx() {
        ReceivedStream video = awaitPackets(b, "1", 50);
        long topLayer = a.sendSsrcs("1")[2];
        long recoveredBefore = video.recovered();
        a.setSendDropPercent(5);
        Poll.until(WAIT, () -> a.rtcp().nackedFor(topLayer) > 0 && a.counters().retransmissionsSent() >= 5
                        && video.recovered() >= recoveredBefore + 5,
                "the SFU NACKs A's top layer, A resends on RTX, B gets the repaired packets; " + video);
        a.setSendDropPercent(0);
        Poll.until(WAIT, () -> video.missingNow() == 0, "nothing stays missing at B: " + video);
        assertEquals(0, sfu.counters().get(Counter.DROP_RTP_UNKNOWN_SSRC), "A's RTX SSRCs were learned from rrid");
    }

    @Test
    @Order(8)
    void renegotiationAddsASubscriptionOnTheSameTransport() {
        ReceivedStream video = awaitPackets(b, "1", 50);
        long videoSsrc = video.ssrc();
        long gaps = video.gapsOpened();
        c.setAudioLevel(40, true);
        b.addTrack(BotTrack.receive("2", TrackKind.AUDIO, "c-mic"));
        b.negotiate(peerB, WAIT);
        assertEquals(videoSsrc, b.answer().section("1").ssrc(), "the existing subscription keeps its SSRC");
        ReceivedStream cAudio = awaitPackets(b, "2", 50);
        assertNotEquals(c.sendSsrcs("2")[0], cAudio.ssrc());
        long before = video.packets();
        Poll.until(WAIT, () -> video.packets() > before + 30, "A's video keeps flowing to B");
        assertEquals(gaps, video.gapsOpened(), "without a gap");
    }

    @Test
    @Order(9)
    void subscriberFollowsTheTopLayerDownAndBackUpSeamlessly() {
        ReceivedStream video = awaitPackets(b, "1", 50);
        long gaps = video.gapsOpened();
        long jumps = video.pictureIdJumps();
        long keyframes = video.keyframes();
        a.setLayerActive("1", 2, false);
        Poll.until(WAIT, () -> video.lastKeyframeWidth() == 640, "B falls back to the 640x360 layer: " + video);
        long packets = video.packets();
        Poll.until(WAIT, () -> video.packets() > packets + 30, "and keeps receiving it");
        a.setLayerActive("1", 2, true);
        Poll.until(WAIT, () -> video.lastKeyframeWidth() == 1280, "B goes back up when the layer returns: " + video);
        assertTrue(video.keyframes() >= keyframes + 2);
        assertEquals(gaps, video.gapsOpened(), "one continuous sequence across both switches");
        assertEquals(jumps, video.pictureIdJumps(), "picture ids continue across both switches");
    }

    private static ReceivedStream awaitPackets(WebRtcBot bot, String mid, long n) {
        return Poll.until(WAIT, () -> bot.received(mid), s -> s != null && s.packets() >= n,
                bot.name() + " receives " + n + " packets on mid " + mid);
    }

    private static long[] concat(long[]... arrays) {
        return Arrays.stream(arrays).flatMapToLong(Arrays::stream).toArray();
    }
}
