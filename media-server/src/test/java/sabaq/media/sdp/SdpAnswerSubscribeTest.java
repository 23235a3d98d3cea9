package sabaq.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers for a subscribing browser: recvonly m-lines answered with send(...) so the SFU forwards tracks to it. */
class SdpAnswerSubscribeTest {
    private static final MediaAnswer AUDIO = MediaAnswer.send(11111111L, null, "sfu-cname", "teacher-1", "mic-1");
    private static final MediaAnswer CAMERA = MediaAnswer.send(22222222L, 22222223L, "sfu-cname", "teacher-1", "cam-1");
    private static final MediaAnswer SCREEN = MediaAnswer.send(4294967295L, 33333333L, "sfu-cname", "teacher-1", "screen-1");

    private static SdpAnswer answer() throws SdpException {
        String offer = OfferFixtures.subscribeOffer(2);
        return new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(offer, Map.of("0", AUDIO, "1", CAMERA, "2", SCREEN));
    }

    @Test
    void constructedOfferIsRecvonlyWithoutSsrcsOrRids() throws SdpException {
        SessionDescription offer = SdpParser.parse(OfferFixtures.subscribeOffer(2));
        assertEquals(List.of("0", "1", "2"), offer.bundleMids());
        assertEquals(List.of(MediaKind.AUDIO, MediaKind.VIDEO, MediaKind.VIDEO),
                offer.media().stream().map(MediaDescription::kind).toList());
        for (MediaDescription m : offer.media()) {
            assertEquals(Direction.RECVONLY, m.direction());
            assertTrue(m.ssrcs().isEmpty());
            assertTrue(m.rids().isEmpty());
            assertTrue(m.simulcast().isEmpty());
            assertTrue(m.msid().isEmpty());
        }
    }

    @Test
    void writesMsidAndSsrcLinesForEachSentTrack() throws SdpException {
        SdpAnswer answer = answer();
        AnswerText text = new AnswerText(answer.sdp());
        assertTrue(text.session.contains("a=msid-semantic: WMS *"));
        assertTrue(text.session.contains("a=group:BUNDLE 0 1 2"));
        assertEquals(List.of("a=msid:teacher-1 mic-1"), text.linesStartingWith(0, "a=msid"));
        assertEquals(List.of("a=ssrc:11111111 cname:sfu-cname", "a=ssrc:11111111 msid:teacher-1 mic-1"),
                text.linesStartingWith(0, "a=ssrc"));
        assertEquals(List.of("a=ssrc-group:FID 22222222 22222223",
                "a=ssrc:22222222 cname:sfu-cname", "a=ssrc:22222222 msid:teacher-1 cam-1",
                "a=ssrc:22222223 cname:sfu-cname", "a=ssrc:22222223 msid:teacher-1 cam-1"),
                text.linesStartingWith(1, "a=ssrc"));
        assertEquals(List.of("a=ssrc-group:FID 4294967295 33333333",
                "a=ssrc:4294967295 cname:sfu-cname", "a=ssrc:4294967295 msid:teacher-1 screen-1",
                "a=ssrc:33333333 cname:sfu-cname", "a=ssrc:33333333 msid:teacher-1 screen-1"),
                text.linesStartingWith(2, "a=ssrc"));
        for (int i = 0; i < 3; i++) {
            assertTrue(text.section(i).contains("a=sendonly"));
            assertEquals(List.of(), text.linesStartingWith(i, "a=rid"));
            assertEquals(List.of(), text.linesStartingWith(i, "a=simulcast"));
        }
        assertTrue(answer.warnings().isEmpty(), answer.warnings().toString());
    }

    @Test
    void answerReparsesWithTheSentTracks() throws SdpException {
        SessionDescription parsed = SdpParser.parse(answer().sdp());
        MediaDescription audio = parsed.media("0").orElseThrow();
        assertEquals(Direction.SENDONLY, audio.direction());
        assertEquals(new Msid("teacher-1", "mic-1"), audio.msid().orElseThrow());
        assertEquals(Map.of(11111111L, Map.of("cname", "sfu-cname", "msid", "teacher-1 mic-1")), audio.ssrcs());
        assertTrue(audio.ssrcGroups().isEmpty());

        MediaDescription camera = parsed.media("1").orElseThrow();
        assertEquals(List.of(new SsrcGroup("FID", List.of(22222222L, 22222223L))), camera.ssrcGroups());
        assertEquals(List.of(22222222L, 22222223L), List.copyOf(camera.ssrcs().keySet()));
        assertEquals("teacher-1 cam-1", camera.ssrcs().get(22222223L).get("msid"));
        assertEquals(new Msid("teacher-1", "screen-1"), parsed.media("2").orElseThrow().msid().orElseThrow());
        assertEquals(List.of(96, 97), camera.payloadTypes());
    }

    @Test
    void negotiatedMediaSaysTheSfuSends() throws SdpException {
        SdpAnswer answer = answer();
        assertEquals(3, answer.media().size());
        for (NegotiatedMedia m : answer.media()) {
            assertEquals(Direction.SENDONLY, m.direction());
            assertTrue(m.sfuSends());
            assertFalse(m.sfuReceives());
            assertTrue(m.ssrcs().isEmpty(), "the browser declares no ssrcs in a recvonly offer");
            assertEquals(null, m.remoteMsid());
        }
        assertEquals(97, answer.media("2").orElseThrow().rtxPayloadType());
    }

    @Test
    void rtxSsrcForAudioOrWithoutRtxIsIgnoredWithAWarning() throws SdpException {
        MediaAnswer audioWithRtx = MediaAnswer.send(5, 6L, "c", "s", "a");
        SdpAnswer answer = new SdpAnswerBuilder(OfferFixtures.localTransport(), AnswerOptions.defaults().withRtx(false))
                .answer(OfferFixtures.subscribeOffer(1), Map.of("0", audioWithRtx, "1", CAMERA));
        AnswerText text = new AnswerText(answer.sdp());
        assertEquals(List.of("a=ssrc:5 cname:c", "a=ssrc:5 msid:s a"), text.linesStartingWith(0, "a=ssrc"));
        assertEquals(List.of("a=ssrc:22222222 cname:sfu-cname", "a=ssrc:22222222 msid:teacher-1 cam-1"),
                text.linesStartingWith(1, "a=ssrc"));
        assertEquals(2, answer.warnings().size(), answer.warnings().toString());
    }

    @Test
    void receiveOnARecvonlyOfferIsAnsweredInactive() throws SdpException {
        SdpAnswer answer = new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(OfferFixtures.subscribeOffer(1), Map.of("0", AUDIO, "1", MediaAnswer.receive()));
        assertEquals(Direction.INACTIVE, answer.media("1").orElseThrow().direction());
        assertEquals(1, answer.warnings().size());
        assertTrue(answer.warnings().get(0).contains("recvonly"), answer.warnings().get(0));
    }

    @Test
    void sendDecisionValidatesWhatGoesIntoTheSdp() {
        assertThrows(IllegalArgumentException.class, () -> MediaAnswer.send(-1, null, "c", "s", "t"));
        assertThrows(IllegalArgumentException.class, () -> MediaAnswer.send(1L << 32, null, "c", "s", "t"));
        assertThrows(IllegalArgumentException.class, () -> MediaAnswer.send(1, 1L, "c", "s", "t"));
        assertThrows(IllegalArgumentException.class, () -> MediaAnswer.send(1, null, "c name", "s", "t"));
        assertThrows(IllegalArgumentException.class, () -> MediaAnswer.send(1, null, "c", "s\r\na=x", "t"));
        assertThrows(IllegalArgumentException.class, () -> MediaAnswer.send(1, null, "c", "s", "t".repeat(65)));
        assertEquals(-1, MediaAnswer.send(1, null, "c", "s", "t").rtxSsrc());
    }
}
