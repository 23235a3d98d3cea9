package sabaq.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Offers the SFU refuses, and inputs that must give an SdpException or a valid answer, never another exception. */
class SdpAnswerErrorsTest {
    private static final Map<String, MediaAnswer> RECEIVE_BOTH = Map.of("0", MediaAnswer.receive(), "1", MediaAnswer.receive());

    private static SdpException refused(String offer) {
        return assertThrows(SdpException.class,
                () -> new SdpAnswerBuilder(OfferFixtures.localTransport()).answer(offer, RECEIVE_BOTH));
    }

    @Test
    void refusesOfferWithoutRtcpMux() {
        String offer = OfferFixtures.editSection(OfferFixtures.chromeOffer(), 1, lines -> {
            lines.remove("a=rtcp-mux");
            return lines;
        });
        SdpException e = refused(offer);
        assertTrue(e.getMessage().contains("mid 1: a=rtcp-mux is required"), e.getMessage());
        assertTrue(e.lineNumber() > 0);
    }

    @Test
    void refusesPassiveSetup() {
        SdpException e = refused(OfferFixtures.chromeOffer().replace("a=setup:actpass", "a=setup:passive"));
        assertTrue(e.getMessage().contains("a=setup:passive refused"), e.getMessage());
    }

    @Test
    void acceptsActiveSetup() throws SdpException {
        SdpAnswer answer = new SdpAnswerBuilder(OfferFixtures.localTransport())
                .answer(OfferFixtures.chromeOffer().replace("a=setup:actpass", "a=setup:active"), RECEIVE_BOTH);
        assertEquals(Setup.ACTIVE, answer.remote().setup());
    }

    @Test
    void refusesOfferWithoutVp8() {
        SdpException e = refused(OfferFixtures.chromeOffer().replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP7/90000"));
        assertTrue(e.getMessage().contains("mid 1: no supported video codec (VP8) offered"), e.getMessage());
    }

    @Test
    void refusesOfferWithoutOpus() {
        SdpException e = refused(OfferFixtures.chromeOffer().replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/16000/2"));
        assertTrue(e.getMessage().contains("mid 0: no supported audio codec"), e.getMessage());
    }

    @Test
    void refusesDifferentFingerprintsInOneBundle() {
        String other = "a=fingerprint:sha-256 " + OfferFixtures.LOCAL_FINGERPRINT;
        String offer = OfferFixtures.editSection(OfferFixtures.chromeOffer(), 1, lines -> {
            lines.replaceAll(l -> l.startsWith("a=fingerprint") ? other : l);
            return lines;
        });
        SdpException e = refused(offer);
        assertTrue(e.getMessage().contains("mid 1 has different"), e.getMessage());
    }

    @Test
    void sameFingerprintInOtherCaseIsTheSame() throws SdpException {
        String offer = OfferFixtures.editSection(OfferFixtures.chromeOffer(), 1, lines -> {
            lines.replaceAll(l -> l.startsWith("a=fingerprint") ? l.toLowerCase() : l);
            return lines;
        });
        new SdpAnswerBuilder(OfferFixtures.localTransport()).answer(offer, RECEIVE_BOTH);
    }

    @Test
    void refusesNonSha256Fingerprint() {
        SdpException e = refused(OfferFixtures.chromeOffer().replace("a=fingerprint:sha-256", "a=fingerprint:sha-1"));
        assertTrue(e.getMessage().contains("must be sha-256"), e.getMessage());
    }

    @Test
    void refusesOfferWithoutBundleOrCredentials() {
        assertTrue(refused(OfferFixtures.chromeOffer().replace("a=group:BUNDLE 0 1\n", "")).getMessage().contains("BUNDLE"));
        assertTrue(refused(OfferFixtures.chromeOffer().replace("a=ice-pwd:F4KaPqYnKq08s1T8GwCjiIYX\n", ""))
                .getMessage().contains("no a=ice-pwd"));
    }

    @Test
    void refusesMediaLineWithoutMid() {
        SdpException e = refused(OfferFixtures.chromeOffer().replace("a=mid:1\n", ""));
        assertTrue(e.getMessage().contains("without a=mid"), e.getMessage());
    }

    @Test
    void refusesGarbageAndEmptyInput() {
        for (String garbage : List.of("", "\n\n", "hello world", "v=0", "\u0000\u0001", "<html></html>", "v=0\nm=")) {
            SdpException e = refused(garbage);
            assertTrue(!e.getMessage().isEmpty());
        }
    }

    @Test
    void truncatedOffersGiveSdpExceptionOrAValidAnswer() throws SdpException {
        String offer = OfferFixtures.chromeOffer();
        Random random = new Random(20240611L);
        SdpAnswerBuilder builder = new SdpAnswerBuilder(OfferFixtures.localTransport());
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            int cut = i < offer.length() ? i * 2 % offer.length() : random.nextInt(offer.length());
            String truncated = offer.substring(0, cut);
            SdpAnswer answer;
            SessionDescription parsed;
            try {
                parsed = SdpParser.parse(truncated);
                Map<String, MediaAnswer> decisions = parsed.media().size() == 2 ? RECEIVE_BOTH : Map.of("0", MediaAnswer.receive());
                answer = builder.answer(parsed, decisions);
            } catch (SdpException expected) {
                refused++;
                continue;
            }
            answered++;
            SessionDescription reparsed = SdpParser.parse(answer.sdp());
            assertEquals(parsed.media().size(), reparsed.media().size(), "cut at " + cut);
            assertEquals(parsed.media().get(0).mid(), reparsed.media().get(0).mid(), "cut at " + cut);
        }
        assertTrue(answered > 0 && refused > 0, "answered " + answered + ", refused " + refused);
    }
}
