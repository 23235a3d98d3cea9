package sabaq.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    private static SessionDescription fixture() throws SdpException {
        return SdpParser.parse(OfferFixtures.chromeOffer());
    }

    @Test
    void parsesChromeOfferSessionLevel() throws SdpException {
        SessionDescription offer = fixture();
        assertEquals(2, offer.media().size());
        assertEquals(List.of("0", "1"), offer.bundleMids());
        assertTrue(offer.extmapAllowMixed());
        assertFalse(offer.iceLite());
        assertEquals("8993441774572401222", offer.originSessionId().orElseThrow());
        assertEquals("2", offer.originSessionVersion().orElseThrow());
        assertTrue(offer.iceUfrag().isEmpty(), "Chrome puts ICE credentials in the m-sections");
        assertEquals("msid-semantic", offer.attributes().get(2).name());
    }

    @Test
    void parsesChromeAudioSection() throws SdpException {
        MediaDescription audio = fixture().media(("0")).orElseThrow();
        assertEquals(MediaKind.AUDIO, audio.kind());
        assertEquals(46343, audio.port());
        assertEquals("UDP/TLS/RTP/SAVPF", audio.proto());
        assertEquals(List.of(111, 63, 9, 0, 8, 13, 110, 126), audio.payloadTypes());
        assertEquals(Direction.SENDONLY, audio.direction());
        assertEquals("jIZo", audio.iceUfrag().orElseThrow());
        assertEquals("F4KaPqYnKq08s1T8GwCjiIYX", audio.icePwd().orElseThrow());
        assertEquals(new Fingerprint("sha-256", OfferFixtures.FINGERPRINT_0F), audio.fingerprint().orElseThrow());
        assertEquals(32, audio.fingerprint().orElseThrow().bytes().length);
        assertEquals(Setup.ACTPASS, audio.setup().orElseThrow());
        assertTrue(audio.rtcpMux());
        assertTrue(audio.rtcpRsize());

        RtpCodec opus = audio.codec(111).orElseThrow();
        assertEquals("opus", opus.name());
        assertEquals(48000, opus.clockRate());
        assertEquals(2, opus.channels());
        assertEquals(Map.of("minptime", "10", "useinbandfec", "1"), opus.fmtp());
        assertEquals(List.of("transport-cc"), opus.rtcpFb());
        assertEquals(Map.of("111/111", ""), audio.codec(63).orElseThrow().fmtp());
        assertEquals(1, audio.codec(0).orElseThrow().channels());
        assertEquals(8, audio.codecs().size());

        assertEquals(1, audio.extMapId(HeaderExtensionUris.AUDIO_LEVEL));
        assertEquals(2, audio.extMapId(HeaderExtensionUris.ABS_SEND_TIME));
        assertEquals(3, audio.extMapId(HeaderExtensionUris.TRANSPORT_CC));
        assertEquals(4, audio.extMapId(HeaderExtensionUris.MID));

        assertEquals(List.of(886976777L), List.copyOf(audio.ssrcs().keySet()));
        Map<String, String> ssrc = audio.ssrcs().get(886976777L);
        assertEquals("TEH8YwzAxRd5aJs5", ssrc.get("cname"));
        assertEquals("86dd1c62-0d25-4b43-8387-f46fb7fbc68b e89f048f-d7d3-4a9e-9dab-80ce6eb6cd22", ssrc.get("msid"));
        assertEquals(new Msid("86dd1c62-0d25-4b43-8387-f46fb7fbc68b", "e89f048f-d7d3-4a9e-9dab-80ce6eb6cd22"),
                audio.msid().orElseThrow());
    }

    @Test
    void parsesChromeVideoSection() throws SdpException {
        MediaDescription video = fixture().media("1").orElseThrow();
        assertEquals(MediaKind.VIDEO, video.kind());
        assertEquals(23, video.payloadTypes().size());
        assertEquals(23, video.codecs().size());
        RtpCodec vp8 = video.findCodec("vp8", 90000).orElseThrow();
        assertEquals(96, vp8.pt());
        assertEquals(List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"), vp8.rtcpFb());
        assertTrue(vp8.hasFeedback("NACK PLI"));
        assertEquals(97, video.rtxPayloadTypeFor(96));
        assertEquals(103, video.rtxPayloadTypeFor(102));
        assertEquals(119, video.rtxPayloadTypeFor(118));
        assertEquals(-1, video.rtxPayloadTypeFor(120));
        assertEquals(96, video.codec(97).orElseThrow().apt());

        assertEquals(List.of(new Rid("q", RidDirection.SEND, ""), new Rid("h", RidDirection.SEND, ""),
                new Rid("f", RidDirection.SEND, "")), video.rids());
        Simulcast simulcast = video.simulcast().orElseThrow();
        assertEquals(List.of("q", "h", "f"), simulcast.sendRidIds());
        assertTrue(simulcast.recv().isEmpty());
        assertTrue(video.ssrcs().isEmpty(), "Chrome's simulcast video section has no a=ssrc lines");

        assertEquals(4, video.extMapId(HeaderExtensionUris.MID));
        assertEquals(10, video.extMapId(HeaderExtensionUris.RTP_STREAM_ID));
        assertEquals(11, video.extMapId(HeaderExtensionUris.REPAIRED_RTP_STREAM_ID));
        assertEquals(3, video.extMapId(HeaderExtensionUris.TRANSPORT_CC));
        assertEquals(14, video.extMapId("urn:ietf:params:rtp-hdrext:toffset"));
        assertEquals(13, video.extMaps().size());
    }

    @Test
    void keepsUnknownAttributesAndCandidates() throws SdpException {
        MediaDescription video = fixture().media("1").orElseThrow();
        assertTrue(video.attributes().contains(new Attribute("rtcp-xr", "rcvr-rtt=all")));
        assertTrue(video.attributes().contains(new Attribute("ice-options", "trickle")));
        assertEquals(4, video.attributes().stream().filter(a -> a.name().equals("candidate")).count());
        assertTrue(video.attributes().contains(new Attribute("rtcp-mux", null)));
    }

    @Test
    void crlfAndLfGiveTheSameResult() throws SdpException {
        String lf = OfferFixtures.chromeOffer();
        SessionDescription a = SdpParser.parse(lf);
        SessionDescription b = SdpParser.parse(lf.replace("\n", "\r\n"));
        assertEquals(a.bundleMids(), b.bundleMids());
        for (int i = 0; i < 2; i++) {
            MediaDescription x = a.media().get(i);
            MediaDescription y = b.media().get(i);
            assertEquals(x.codecs(), y.codecs());
            assertEquals(x.attributes(), y.attributes());
            assertEquals(x.icePwd(), y.icePwd());
        }
    }

    @Test
    void mediaFallsBackToSessionLevelTransportAttributes() throws SdpException {
        String sdp = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\na=ice-ufrag:ABCD\na=ice-pwd:abcdefghijklmnopqrstuvwx\n"
                + "a=fingerprint:SHA-256 " + OfferFixtures.FINGERPRINT_0F.toLowerCase() + "\na=setup:active\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:a\na=ice-ufrag:EFGH\n";
        MediaDescription m = SdpParser.parse(sdp).media().get(0);
        assertEquals("EFGH", m.iceUfrag().orElseThrow());
        assertEquals("abcdefghijklmnopqrstuvwx", m.icePwd().orElseThrow());
        assertTrue(m.fingerprint().orElseThrow().sameAs(new Fingerprint("sha-256", OfferFixtures.FINGERPRINT_0F)));
        assertEquals(Setup.ACTIVE, m.setup().orElseThrow());
        assertEquals(Direction.SENDRECV, m.direction(), "no direction attribute means sendrecv");
        assertTrue(m.codecs().isEmpty(), "a payload type without rtpmap is not a codec");
    }

    @Test
    void parsesSimulcastAlternativesAndPausedRids() throws SdpException {
        String sdp = "v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=rid:q send\na=rid:h send\na=rid:f send max-width=1280;max-fps=30\n"
                + "a=rid:r recv\na=simulcast:send q;~h,f recv r\n";
        MediaDescription m = SdpParser.parse(sdp).media().get(0);
        Simulcast sc = m.simulcast().orElseThrow();
        assertEquals(List.of(List.of(new SimulcastRid("q", false)),
                List.of(new SimulcastRid("h", true), new SimulcastRid("f", false))), sc.send());
        assertEquals(List.of("q", "h", "f"), sc.sendRidIds());
        assertEquals(List.of("r"), sc.recvRidIds());
        assertEquals("max-width=1280;max-fps=30", m.rids().get(2).restrictions());
        assertEquals(List.of("r"), m.rids(RidDirection.RECV).stream().map(Rid::id).toList());
    }

    @Test
    void appliesWildcardFeedbackAndExtmapDirection() throws SdpException {
        String sdp = "v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96 97\na=rtpmap:96 VP8/90000\na=rtpmap:97 rtx/90000\n"
                + "a=fmtp:97 apt=96\na=rtcp-fb:* nack\na=rtcp-fb:96 ccm fir\na=extmap:7/recvonly urn:x\n";
        MediaDescription m = SdpParser.parse(sdp).media().get(0);
        assertEquals(List.of("ccm fir", "nack"), m.codec(96).orElseThrow().rtcpFb());
        assertEquals(List.of("nack"), m.codec(97).orElseThrow().rtcpFb());
        assertEquals(new ExtMap(7, "urn:x", Direction.RECVONLY), m.extMaps().get(0));
    }

    @Test
    void parsesSsrcGroupsAndNonRtpSections() throws SdpException {
        String sdp = "v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=ssrc-group:FID 1 4294967295\na=ssrc:1 cname:x\n"
                + "a=ssrc:4294967295 cname:x\na=ssrc:1 msid:s t\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=mid:2\na=sctp-port:5000\n";
        SessionDescription d = SdpParser.parse(sdp);
        MediaDescription v = d.media().get(0);
        assertEquals(new SsrcGroup("FID", List.of(1L, 4294967295L)), v.ssrcGroups().get(0));
        assertEquals(Map.of("cname", "x", "msid", "s t"), v.ssrcs().get(1L));
        MediaDescription app = d.media().get(1);
        assertEquals(MediaKind.APPLICATION, app.kind());
        assertFalse(app.isRtp());
        assertEquals(List.of("webrtc-datachannel"), app.formats());
        assertTrue(app.payloadTypes().isEmpty());
    }

    @Test
    void toleratesBlankLinesAndMissingFinalNewline() throws SdpException {
        SessionDescription d = SdpParser.parse("\r\nv=0\r\n\r\nm=audio 0 RTP/AVP 0");
        assertEquals(0, d.media().get(0).port());
    }

    @Test
    void refusesMalformedInputNamingTheLine() {
        assertError("", 0, "missing v=0");
        assertError("o=- 1 1 IN IP4 0.0.0.0\n", 1, "must start with v=0");
        assertError("v=1\n", 1, "must start with v=0");
        assertError("v=0\nhello\n", 2, "expected '<type>=<value>'");
        assertError("v=0\nX=1\n", 2, "expected");
        assertError("v=0\ns=-\nm=audio 9 UDP/TLS/RTP/SAVPF\n", 3, "m-line must be");
        assertError("v=0\nm=audio 70000 UDP/TLS/RTP/SAVPF 0\n", 2, "port");
        assertError("v=0\nm=audio -9 UDP/TLS/RTP/SAVPF 0\n", 2, "port");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 128\n", 2, "payload type");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 99999999999999999999\n", 2, "payload type");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0 0\n", 2, "listed twice");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=rtpmap:0 PCMU/x\n", 3, "clock rate");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=extmap:0 urn:x\n", 3, "extmap id");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=extmap:1 urn:x\na=extmap:1 urn:y\n", 4, "used twice");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=ssrc:4294967296 cname:x\n", 3, "32 bits");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=ssrc:1\n", 3, "a=ssrc must be");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=mid:0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=mid:0\n", 4, "used by two");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=mid:a b\n", 3, "a=mid must be a token");
        assertError("v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=rid:q sideways\n", 3, "send or recv");
        assertError("v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=simulcast:send q;;h\n", 3, "bad rid");
        assertError("v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=simulcast:send q recv q\n", 3, "twice");
        assertError("v=0\na=fingerprint:sha-256 0F:6\n", 2, "a=fingerprint must be");
        assertError("v=0\na=setup:maybe\n", 2, "a=setup must be");
        assertError("v=0\na=ice-ufrag:ab\n", 2, "ICE characters");
        assertError("v=0\nm=audio 9 UDP/TLS/RTP/SAVPF 0\na=sendonly\na=recvonly\n", 4, "more than one direction");
        assertError("v=0\na=group:BUNDLE 0 0\n", 2, "repeated mid");
        assertError("v=0\na=:x\n", 2, "bad attribute name");
    }

    @Test
    void refusesOversizedInput() {
        StringBuilder big = new StringBuilder("v=0\n");
        while (big.length() <= SdpParser.MAX_LENGTH) {
            big.append("a=x:").append("y".repeat(1000)).append('\n');
        }
        assertError(big.toString(), 0, "longer than");

        StringBuilder many = new StringBuilder("v=0\n");
        for (int i = 0; i <= SdpParser.MAX_MEDIA_SECTIONS; i++) {
            many.append("m=audio 9 UDP/TLS/RTP/SAVPF 0\n");
        }
        assertError(many.toString(), SdpParser.MAX_MEDIA_SECTIONS + 2, "more than 200 m-lines");
    }

    @Test
    void refusesNull() {
        assertThrows(SdpException.class, () -> SdpParser.parse(null));
    }

    private static void assertError(String sdp, int line, String fragment) {
        SdpException e = assertThrows(SdpException.class, () -> SdpParser.parse(sdp), () -> "accepted: " + sdp);
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' lacks '" + fragment + "'");
        if (line > 0) {
            assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        }
    }
}
