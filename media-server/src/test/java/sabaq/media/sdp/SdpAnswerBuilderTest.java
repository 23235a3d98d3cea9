package sabaq.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers for a publishing browser: the real Chromium offer answered with receive() on both m-lines. */
class SdpAnswerBuilderTest {
    private static final Map<String, MediaAnswer> RECEIVE_BOTH = Map.of("0", MediaAnswer.receive(), "1", MediaAnswer.receive());

    private static SdpAnswer answer(AnswerOptions options) throws SdpException {
        return new SdpAnswerBuilder(OfferFixtures.localTransport(), options).answer(OfferFixtures.chromeOffer(), RECEIVE_BOTH);
    }

    @Test
    void sessionLevelHasWhatChromeNeeds() throws SdpException {
        SdpAnswer answer = answer(AnswerOptions.defaults());
        AnswerText text = new AnswerText(answer.sdp());
        assertEquals(List.of("v=0", "o=- 42 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1",
                "a=extmap-allow-mixed", "a=ice-lite"), text.session);
        assertEquals(2, text.sections.size());
        assertTrue(answer.warnings().isEmpty(), answer.warnings().toString());
    }

    @Test
    void everyMediaSectionHasTheMinimalAnswerLines() throws SdpException {
        AnswerText text = new AnswerText(answer(AnswerOptions.defaults()).sdp());
        assertEquals("m=audio 9 UDP/TLS/RTP/SAVPF 111", text.section(0).get(0));
        assertEquals("m=video 9 UDP/TLS/RTP/SAVPF 96 97", text.section(1).get(0));
        for (int i = 0; i < 2; i++) {
            List<String> s = text.section(i);
            for (String required : List.of("c=IN IP4 127.0.0.1", "a=rtcp:9 IN IP4 0.0.0.0",
                    "a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host", "a=end-of-candidates",
                    "a=ice-ufrag:" + OfferFixtures.LOCAL_UFRAG, "a=ice-pwd:" + OfferFixtures.LOCAL_PWD,
                    "a=fingerprint:sha-256 " + OfferFixtures.LOCAL_FINGERPRINT, "a=setup:passive", "a=mid:" + i,
                    "a=recvonly", "a=rtcp-mux", "a=rtcp-rsize")) {
                assertTrue(s.contains(required), "section " + i + " lacks " + required + ": " + s);
            }
            assertTrue(s.indexOf("a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host") < s.indexOf("a=end-of-candidates"));
            assertEquals(List.of(), text.linesStartingWith(i, "a=ssrc"));
            assertEquals(List.of(), text.linesStartingWith(i, "a=msid"));
            assertEquals(1, text.linesStartingWith(i, "a=setup").size());
        }
    }

    @Test
    void keepsOnlyOpusAndVp8WithRtx() throws SdpException {
        AnswerText text = new AnswerText(answer(AnswerOptions.defaults()).sdp());
        assertEquals(List.of("a=rtpmap:111 opus/48000/2"), text.linesStartingWith(0, "a=rtpmap"));
        assertEquals(List.of("a=fmtp:111 minptime=10;useinbandfec=1"), text.linesStartingWith(0, "a=fmtp"));
        assertEquals(List.of("a=rtcp-fb:111 transport-cc"), text.linesStartingWith(0, "a=rtcp-fb"));
        assertEquals(List.of("a=rtpmap:96 VP8/90000", "a=rtpmap:97 rtx/90000"), text.linesStartingWith(1, "a=rtpmap"));
        assertEquals(List.of("a=fmtp:97 apt=96"), text.linesStartingWith(1, "a=fmtp"));
        assertEquals(List.of("a=rtcp-fb:96 goog-remb", "a=rtcp-fb:96 transport-cc", "a=rtcp-fb:96 ccm fir",
                "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli"), text.linesStartingWith(1, "a=rtcp-fb"));
    }

    @Test
    void keepsOnlySupportedExtensionsWithTheOfferedIds() throws SdpException {
        AnswerText text = new AnswerText(answer(AnswerOptions.defaults()).sdp());
        assertEquals(List.of("a=extmap:1 " + HeaderExtensionUris.AUDIO_LEVEL, "a=extmap:2 " + HeaderExtensionUris.ABS_SEND_TIME,
                "a=extmap:3 " + HeaderExtensionUris.TRANSPORT_CC, "a=extmap:4 " + HeaderExtensionUris.MID),
                text.linesStartingWith(0, "a=extmap"));
        assertEquals(List.of("a=extmap:2 " + HeaderExtensionUris.ABS_SEND_TIME, "a=extmap:3 " + HeaderExtensionUris.TRANSPORT_CC,
                "a=extmap:4 " + HeaderExtensionUris.MID, "a=extmap:10 " + HeaderExtensionUris.RTP_STREAM_ID,
                "a=extmap:11 " + HeaderExtensionUris.REPAIRED_RTP_STREAM_ID), text.linesStartingWith(1, "a=extmap"));
    }

    @Test
    void answersSimulcastRidsRecvInOfferOrder() throws SdpException {
        AnswerText text = new AnswerText(answer(AnswerOptions.defaults()).sdp());
        assertEquals(List.of("a=rid:q recv", "a=rid:h recv", "a=rid:f recv"), text.linesStartingWith(1, "a=rid"));
        assertEquals(List.of("a=simulcast:recv q;h;f"), text.linesStartingWith(1, "a=simulcast"));
        assertEquals(List.of(), text.linesStartingWith(0, "a=rid"));
    }

    @Test
    void answerReparsesWithTheExpectedStructure() throws SdpException {
        SessionDescription offer = SdpParser.parse(OfferFixtures.chromeOffer());
        SessionDescription parsed = SdpParser.parse(answer(AnswerOptions.defaults()).sdp());
        assertTrue(parsed.iceLite());
        assertEquals(List.of("0", "1"), parsed.bundleMids());
        assertEquals(2, parsed.media().size());
        for (MediaDescription m : parsed.media()) {
            assertEquals(9, m.port());
            assertEquals(Direction.RECVONLY, m.direction());
            assertEquals(Setup.PASSIVE, m.setup().orElseThrow());
            assertEquals(OfferFixtures.LOCAL_UFRAG, m.iceUfrag().orElseThrow());
            assertEquals(new Fingerprint("sha-256", OfferFixtures.LOCAL_FINGERPRINT), m.fingerprint().orElseThrow());
            assertTrue(m.rtcpMux());
            MediaDescription offered = offer.media(m.mid().orElseThrow()).orElseThrow();
            assertEquals(offered.kind(), m.kind());
            for (ExtMap e : m.extMaps()) {
                assertEquals(offered.extMapId(e.uri()), e.id(), e.uri());
            }
            for (RtpCodec c : m.codecs()) {
                assertEquals(offered.codec(c.pt()).orElseThrow().name(), c.name());
            }
        }
        MediaDescription video = parsed.media("1").orElseThrow();
        assertEquals(List.of(96, 97), video.payloadTypes());
        assertEquals(97, video.rtxPayloadTypeFor(96));
        assertEquals(List.of("q", "h", "f"), video.rids(RidDirection.RECV).stream().map(Rid::id).toList());
        assertEquals(List.of("q", "h", "f"), video.simulcast().orElseThrow().recvRidIds());
        assertTrue(video.simulcast().orElseThrow().send().isEmpty());
        assertEquals(List.of(111), parsed.media("0").orElseThrow().payloadTypes());
    }

    @Test
    void reportsNegotiatedMediaForTheSfuCore() throws SdpException {
        SdpAnswer answer = answer(AnswerOptions.defaults());
        assertEquals(2, answer.media().size());
        NegotiatedMedia audio = answer.media("0").orElseThrow();
        assertEquals(MediaKind.AUDIO, audio.kind());
        assertEquals(Direction.RECVONLY, audio.direction());
        assertTrue(audio.sfuReceives());
        assertFalse(audio.sfuSends());
        assertEquals(111, audio.payloadType());
        assertEquals(48000, audio.clockRate());
        assertEquals(-1, audio.rtxPayloadType());
        assertEquals(-1, audio.redPayloadType());
        assertEquals(new ExtensionIds(4, -1, -1, 1, 3, 2), audio.extensions());
        assertEquals(new FeedbackFlags(false, false, false, false, true), audio.feedback());
        assertEquals(List.of(886976777L), audio.ssrcs());
        assertEquals("e89f048f-d7d3-4a9e-9dab-80ce6eb6cd22", audio.remoteMsid().trackId());
        assertEquals(List.of(), audio.rids());

        NegotiatedMedia video = answer.media("1").orElseThrow();
        assertEquals(96, video.payloadType());
        assertEquals(90000, video.clockRate());
        assertEquals(97, video.rtxPayloadType());
        assertEquals(new ExtensionIds(4, 10, 11, -1, 3, 2), video.extensions());
        assertEquals(new FeedbackFlags(true, true, true, true, true), video.feedback());
        assertEquals(List.of("q", "h", "f"), video.rids());
        assertEquals(List.of(), video.ssrcs());
        assertEquals("10836909-d398-41cb-ba89-e5dbedd3c26a", video.remoteMsid().trackId());
    }

    @Test
    void exposesTheRemoteTransport() throws SdpException {
        RemoteTransport remote = answer(AnswerOptions.defaults()).remote();
        assertEquals("jIZo", remote.iceUfrag());
        assertEquals("F4KaPqYnKq08s1T8GwCjiIYX", remote.icePwd());
        assertEquals(new Fingerprint("sha-256", OfferFixtures.FINGERPRINT_0F), remote.fingerprint());
        assertEquals(Setup.ACTPASS, remote.setup());
    }

    @Test
    void optionsSwitchFeedbackExtensionsAndRtxOff() throws SdpException {
        AnswerOptions lean = AnswerOptions.defaults().withTransportCc(false).withAbsSendTime(false).withRtx(false)
                .withRemb(false).withFir(false);
        SdpAnswer answer = answer(lean);
        AnswerText text = new AnswerText(answer.sdp());
        assertEquals("m=video 9 UDP/TLS/RTP/SAVPF 96", text.section(1).get(0));
        assertEquals(List.of("a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli"), text.linesStartingWith(1, "a=rtcp-fb"));
        assertEquals(List.of(), text.linesStartingWith(0, "a=rtcp-fb"));
        assertFalse(answer.sdp().contains(HeaderExtensionUris.TRANSPORT_CC));
        assertFalse(answer.sdp().contains(HeaderExtensionUris.ABS_SEND_TIME));
        assertFalse(answer.sdp().contains("rtx/"));
        NegotiatedMedia video = answer.media("1").orElseThrow();
        assertEquals(-1, video.rtxPayloadType());
        assertEquals(new FeedbackFlags(true, true, false, false, false), video.feedback());
        assertEquals(new ExtensionIds(4, 10, 11, -1, -1, -1), video.extensions());
    }

    @Test
    void audioRedComesFirstWhenEnabled() throws SdpException {
        SdpAnswer answer = answer(AnswerOptions.defaults().withAudioRed(true));
        AnswerText text = new AnswerText(answer.sdp());
        assertEquals("m=audio 9 UDP/TLS/RTP/SAVPF 63 111", text.section(0).get(0));
        assertEquals(List.of("a=rtpmap:63 red/48000/2", "a=rtpmap:111 opus/48000/2"), text.linesStartingWith(0, "a=rtpmap"));
        assertTrue(text.section(0).contains("a=fmtp:63 111/111"));
        assertEquals(63, answer.media("0").orElseThrow().redPayloadType());
        assertEquals(111, answer.media("0").orElseThrow().payloadType());
    }

    @Test
    void writesTcpPassiveAndIpv6Candidates() throws SdpException {
        LocalTransport local = new LocalTransport(OfferFixtures.LOCAL_UFRAG, OfferFixtures.LOCAL_PWD,
                OfferFixtures.LOCAL_FINGERPRINT, new HostCandidate("::1", 40000), new HostCandidate("::1", 4443), 7, 3);
        String sdp = new SdpAnswerBuilder(local).answer(OfferFixtures.chromeOffer(), RECEIVE_BOTH).sdp();
        AnswerText text = new AnswerText(sdp);
        assertEquals("o=- 7 3 IN IP4 127.0.0.1", text.session.get(1));
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of("a=candidate:1 1 udp 2130706431 ::1 40000 typ host",
                    "a=candidate:2 1 tcp 2124414975 ::1 4443 typ host tcptype passive"), text.linesStartingWith(i, "a=candidate"));
            assertTrue(text.section(i).contains("c=IN IP6 ::1"));
        }
        assertEquals(2, SdpParser.parse(sdp).media().size());
    }

    @Test
    void missingDecisionMeansInactive() throws SdpException {
        SdpAnswer answer = new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(OfferFixtures.chromeOffer(), Map.of("1", MediaAnswer.receive()));
        assertEquals(Direction.INACTIVE, answer.media("0").orElseThrow().direction());
        assertEquals(Direction.RECVONLY, answer.media("1").orElseThrow().direction());
        assertTrue(new AnswerText(answer.sdp()).section(0).contains("a=inactive"));
        assertTrue(answer.warnings().isEmpty());
    }

    @Test
    void impossibleDecisionIsAnsweredInactiveWithAWarning() throws SdpException {
        MediaAnswer send = MediaAnswer.send(1, null, "c", "s", "t");
        SdpAnswer answer = new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(OfferFixtures.chromeOffer(), Map.of("0", send, "1", MediaAnswer.receive()));
        assertEquals(Direction.INACTIVE, answer.media("0").orElseThrow().direction());
        assertEquals(1, answer.warnings().size());
        assertTrue(answer.warnings().get(0).startsWith("mid 0: send("), answer.warnings().get(0));
        assertFalse(answer.sdp().contains("a=ssrc"));
        assertEquals(List.of("0", "1"), SdpParser.parse(answer.sdp()).bundleMids());
    }

    @Test
    void dataChannelIsRejectedAndLeftOutOfTheBundle() throws SdpException {
        String offer = OfferFixtures.chromeOffer().replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2")
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\nc=IN IP4 0.0.0.0\na=ice-ufrag:jIZo\n"
                + "a=ice-pwd:F4KaPqYnKq08s1T8GwCjiIYX\na=fingerprint:sha-256 " + OfferFixtures.FINGERPRINT_0F
                + "\na=setup:actpass\na=mid:2\na=sctp-port:5000\n";
        SdpAnswer answer = new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(offer, Map.of("0", MediaAnswer.receive(), "1", MediaAnswer.receive(), "2", MediaAnswer.receive()));
        AnswerText text = new AnswerText(answer.sdp());
        assertEquals(List.of("m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:2"), text.section(2));
        assertTrue(text.session.contains("a=group:BUNDLE 0 1"));
        assertEquals(1, answer.warnings().size());
        assertTrue(answer.warnings().get(0).contains("application"));
        assertEquals(2, answer.media().size());
        assertEquals(0, SdpParser.parse(answer.sdp()).media().get(2).port());
    }

    @Test
    void inactiveSectionWithoutSupportedCodecIsRejectedNotRefused() throws SdpException {
        String offer = OfferFixtures.chromeOffer().replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP7/90000");
        SdpAnswer answer = new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(offer, Map.of("0", MediaAnswer.receive()));
        AnswerText text = new AnswerText(answer.sdp());
        assertEquals(List.of("m=video 0 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=inactive", "a=mid:1"), text.section(1));
        assertTrue(text.session.contains("a=group:BUNDLE 0"));
        assertEquals(List.of("0"), answer.media().stream().map(NegotiatedMedia::mid).toList());
    }

    @Test
    void decisionForAnUnknownMidIsRefused() {
        SdpException e = assertThrows(SdpException.class, () -> new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(OfferFixtures.chromeOffer(), Map.of("7", MediaAnswer.receive())));
        assertTrue(e.getMessage().contains("mid 7"), e.getMessage());
    }
}
