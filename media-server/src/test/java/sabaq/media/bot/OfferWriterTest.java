package sabaq.media.bot;

import org.junit.jupiter.api.Test;
import sabaq.common.media.TrackKind;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.sdp.Direction;
import sabaq.media.sdp.HeaderExtensionUris;
import sabaq.media.sdp.HostCandidate;
import sabaq.media.sdp.LocalTransport;
import sabaq.media.sdp.MediaAnswer;
import sabaq.media.sdp.MediaDescription;
import sabaq.media.sdp.NegotiatedMedia;
import sabaq.media.sdp.RidDirection;
import sabaq.media.sdp.SdpAnswer;
import sabaq.media.sdp.SdpAnswerBuilder;
import sabaq.media.sdp.SdpParser;
import sabaq.media.sdp.SessionDescription;
import sabaq.media.sdp.Setup;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bot's offer reads like Chrome's to our own SDP parser and answer builder. */
class OfferWriterTest {
    private final WebRtcBot bot = WebRtcBot.create(BotOptions.builder("t").seed(3).certificate(DtlsCertificate.generate())
            .track(BotTrack.sendAudio("0", "mic"))
            .track(BotTrack.sendSimulcastVideo("1", "cam"))
            .track(BotTrack.sendVideo("2", "screen"))
            .track(BotTrack.receive("3", TrackKind.VIDEO, "other-cam"))
            .build());

    @Test
    void offerHasChromesShape() throws Exception {
        SessionDescription offer = SdpParser.parse(bot.createOffer());
        assertEquals(List.of("0", "1", "2", "3"), offer.bundleMids());
        for (MediaDescription m : offer.media()) {
            assertTrue(m.rtcpMux());
            assertEquals(Setup.ACTPASS, m.setup().orElseThrow());
            assertEquals(bot.iceUfrag(), m.iceUfrag().orElseThrow());
            assertEquals(4, m.extMapId(HeaderExtensionUris.MID));
            assertEquals(3, m.extMapId(HeaderExtensionUris.TRANSPORT_CC));
        }
        MediaDescription audio = offer.media().get(0);
        assertEquals(111, audio.payloadTypes().get(0));
        assertEquals(1, audio.extMapId(HeaderExtensionUris.AUDIO_LEVEL));
        assertEquals(1, audio.ssrcs().size());
        MediaDescription simulcast = offer.media().get(1);
        assertEquals(Direction.SENDONLY, simulcast.direction());
        assertEquals(3, simulcast.rids(RidDirection.SEND).size());
        assertTrue(simulcast.ssrcs().isEmpty(), "no a=ssrc for simulcast, like Chrome");
        assertEquals(97, simulcast.rtxPayloadTypeFor(96));
        assertEquals(10, simulcast.extMapId(HeaderExtensionUris.RTP_STREAM_ID));
        assertEquals(11, simulcast.extMapId(HeaderExtensionUris.REPAIRED_RTP_STREAM_ID));
        assertEquals(2, offer.media().get(2).ssrcs().size(), "media and RTX SSRC");
        assertTrue(offer.media().get(2).ssrcGroups().get(0).isFid());
        assertEquals(Direction.RECVONLY, offer.media().get(3).direction());
        assertFalse(bot.createOffer().equals(bot.createOffer()), "the o= version grows");
    }

    @Test
    void ourAnswerBuilderAcceptsItAndReceivesTheSimulcastLayers() throws Exception {
        LocalTransport local = LocalTransport.udpOnly("sfuu", "sfupasswordsfupassword12", DtlsCertificate.generate()
                .fingerprintSha256(), new HostCandidate("127.0.0.1", 40000), 1, 1);
        SdpAnswer answer = new SdpAnswerBuilder(local).answer(bot.createOffer(), Map.of(
                "0", MediaAnswer.receive(), "1", MediaAnswer.receive(), "2", MediaAnswer.receive(),
                "3", MediaAnswer.send(1234, 5678L, "x", "x", "x-cam")));
        assertTrue(answer.warnings().isEmpty(), answer.warnings().toString());
        NegotiatedMedia simulcast = answer.media().get(1);
        assertEquals(List.of("q", "h", "f"), simulcast.rids());
        assertEquals(96, simulcast.payloadType());
        BotAnswer parsed = BotAnswer.parse(answer.sdp());
        assertEquals(1234, parsed.section("3").ssrc());
        assertEquals(5678, parsed.section("3").rtxSsrc());
        assertEquals(40000, parsed.candidate().getPort());
        assertTrue(parsed.iceLite());
    }
}
