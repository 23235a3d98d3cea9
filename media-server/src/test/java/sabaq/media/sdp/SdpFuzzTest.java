package sabaq.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mutates the real Chromium offer (line deletions, duplications, swaps, character edits, huge and negative numbers,
 * injected attributes, truncation) with a fixed seed: parsing and answering may only throw {@link SdpException}, and
 * every answer produced must re-parse with the same m-lines and stay in range.
 */
class SdpFuzzTest {
    private static final long SEED = 0x5DB_F022L;
    private static final int MUTATED_OFFERS = 20_000;
    private static final int RANDOM_INPUTS = 3_000;
    private static final String ALPHABET = "av=mo0123456789:;,/~ -\r\n\tabcdefxyzRTPUDSAVPF*#";
    private static final String[] NUMBERS = {"99999999999999999999999", "4294967296", "4294967295", "2147483648",
        "-1", "-46343", "0", "65536", "65535", "127", "128", "255", "256", "15", ""};
    private static final String[] INJECTED = {"a=setup:passive", "a=setup:holdconn", "a=mid:0", "a=mid:9", "a=recvonly",
        "a=inactive", "a=sendrecv", "a=extmap:300 urn:x", "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=simulcast:send ~q;h,f", "a=simulcast:recv q", "a=rid:z send", "a=rid:q recv", "a=ssrc-group:FID 1",
        "a=ssrc-group:FID 1 2", "a=ssrc:1 cname:x", "a=fingerprint:sha-256 00", "a=group:BUNDLE 0 1 7",
        "a=group:BUNDLE", "a=rtpmap:96 VP8/0", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=999", "a=fmtp:97 apt=",
        "a=rtcp-fb:* nack", "a=msid:- -", "a=ice-lite", "a=extmap-allow-mixed", "m=application 9 UDP/DTLS/SCTP x",
        "m=video 0 UDP/TLS/RTP/SAVPF 96", "m=text 9 RTP/AVP 0", "c=IN IP4 0.0.0.0", "a=rtpmap:111 opus/48000/2",
        "a=rtpmap:63 red/48000/2", "a=fmtp:63 111/111", "a=rtcp-mux", "a=ice-ufrag:jIZo"};

    @Test
    void mutatedOffersOnlyEverThrowSdpException() {
        Random random = new Random(SEED);
        String offer = OfferFixtures.chromeOffer();
        int parsed = 0;
        int answered = 0;
        for (int i = 0; i < MUTATED_OFFERS; i++) {
            String mutated = mutate(offer, random);
            int outcome = run(mutated, random, i);
            parsed += outcome >= 1 ? 1 : 0;
            answered += outcome == 2 ? 1 : 0;
        }
        assertTrue(parsed > MUTATED_OFFERS / 10, "only " + parsed + " mutated offers parsed");
        assertTrue(answered > MUTATED_OFFERS / 20, "only " + answered + " mutated offers answered");
    }

    @Test
    void randomTextOnlyEverThrowsSdpException() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "v=0\n" : "");
            int length = random.nextInt(400);
            for (int j = 0; j < length; j++) {
                sb.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            run(sb.toString(), random, i);
        }
    }

    /** 0 = refused by the parser, 1 = parsed but refused by the builder, 2 = answered. */
    private static int run(String input, Random random, int iteration) {
        SessionDescription offer;
        try {
            offer = SdpParser.parse(input);
        } catch (SdpException expected) {
            return 0;
        } catch (RuntimeException e) {
            throw failure("parse", input, iteration, e);
        }
        SdpAnswer answer;
        try {
            answer = new SdpAnswerBuilder(OfferFixtures.localTransport(), randomOptions(random))
                    .answer(offer, decisions(offer, random));
        } catch (SdpException expected) {
            return 1;
        } catch (RuntimeException e) {
            throw failure("answer", input, iteration, e);
        }
        checkAnswer(offer, answer, input, iteration);
        return 2;
    }

    private static void checkAnswer(SessionDescription offer, SdpAnswer answer, String input, int iteration) {
        SessionDescription reparsed;
        try {
            reparsed = SdpParser.parse(answer.sdp());
        } catch (SdpException | RuntimeException e) {
            throw failure("re-parse of the answer\n" + answer.sdp() + "\nfor", input, iteration, e);
        }
        assertEquals(offer.media().size(), reparsed.media().size(), "iteration " + iteration);
        List<String> accepted = new ArrayList<>();
        for (int m = 0; m < offer.media().size(); m++) {
            MediaDescription answered = reparsed.media().get(m);
            assertEquals(offer.media().get(m).mid(), answered.mid(), "iteration " + iteration);
            if (answered.port() != 0) {
                accepted.add(answered.mid().orElseThrow());
                assertEquals(Setup.PASSIVE, answered.setup().orElseThrow());
                assertTrue(answered.rtcpMux());
            }
        }
        assertEquals(accepted, reparsed.bundleMids(), "iteration " + iteration);
        assertEquals(accepted, answer.media().stream().map(NegotiatedMedia::mid).toList(), "iteration " + iteration);
        for (NegotiatedMedia m : answer.media()) {
            assertTrue(m.payloadType() >= 0 && m.payloadType() <= 127, "iteration " + iteration);
            assertTrue(m.rtxPayloadType() >= -1 && m.rtxPayloadType() <= 127, "iteration " + iteration);
            ExtensionIds ids = m.extensions();
            for (int id : new int[] {ids.mid(), ids.rid(), ids.repairedRid(), ids.audioLevel(), ids.transportCc(), ids.absSendTime()}) {
                assertTrue(id == -1 || (id >= 1 && id <= 255), "iteration " + iteration);
            }
            MediaDescription offered = offer.media(m.mid()).orElseThrow();
            Set<String> offeredRids = new HashSet<>();
            offered.rids(RidDirection.SEND).forEach(r -> offeredRids.add(r.id()));
            assertTrue(offeredRids.containsAll(m.rids()), "iteration " + iteration);
        }
    }

    private static AssertionError failure(String stage, String input, int iteration, Throwable e) {
        String shown = input.length() > 4000 ? input.substring(0, 4000) + "..." : input;
        return new AssertionError(stage + " threw " + e + " at iteration " + iteration + " on:\n" + shown, e);
    }

    private static Map<String, MediaAnswer> decisions(SessionDescription offer, Random random) {
        Map<String, MediaAnswer> decisions = new LinkedHashMap<>();
        for (MediaDescription m : offer.media()) {
            if (m.mid().isEmpty()) {
                continue;
            }
            int choice = random.nextInt(4);
            MediaAnswer decision;
            if (choice == 0 || (choice == 3 && m.direction().sends())) {
                decision = MediaAnswer.receive();
            } else if (choice == 1 || choice == 3) {
                long ssrc = random.nextInt() & 0xFFFF_FFFFL;
                decision = MediaAnswer.send(ssrc, random.nextBoolean() ? (ssrc + 1) & 0xFFFF_FFFFL : null, "cname", "stream", "track");
            } else {
                decision = MediaAnswer.inactive();
            }
            decisions.put(m.mid().get(), decision);
        }
        return decisions;
    }

    private static AnswerOptions randomOptions(Random random) {
        return new AnswerOptions(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
    }

    private static String mutate(String offer, Random random) {
        List<String> lines = new ArrayList<>(List.of(offer.split("\n")));
        int mutations = 1 + random.nextInt(4);
        for (int k = 0; k < mutations && !lines.isEmpty(); k++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(8)) {
                case 0:
                    lines.remove(at);
                    break;
                case 1:
                    lines.add(random.nextInt(lines.size() + 1), lines.get(at));
                    break;
                case 2:
                    int other = random.nextInt(lines.size());
                    String tmp = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, tmp);
                    break;
                case 3:
                    lines.set(at, editCharacters(lines.get(at), random));
                    break;
                case 4:
                    lines.set(at, replaceNumber(lines.get(at), random));
                    break;
                case 5:
                    lines.set(at, negativePort(lines.get(at), random));
                    break;
                case 6:
                    lines.add(at, INJECTED[random.nextInt(INJECTED.length)]);
                    break;
                default:
                    lines.set(at, lines.get(at) + "\r");
                    break;
            }
        }
        String text = String.join("\n", lines) + "\n";
        return random.nextInt(20) == 0 ? text.substring(0, random.nextInt(text.length() + 1)) : text;
    }

    private static String editCharacters(String line, Random random) {
        StringBuilder sb = new StringBuilder(line);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int pos = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0:
                    sb.insert(pos, c);
                    break;
                case 1:
                    if (sb.length() > 0) {
                        sb.deleteCharAt(pos);
                    }
                    break;
                default:
                    if (sb.length() > 0) {
                        sb.setCharAt(pos, c);
                    }
                    break;
            }
        }
        return sb.toString();
    }

    /** Replaces one run of digits with a huge, negative, boundary or empty number. */
    private static String replaceNumber(String line, Random random) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < line.length(); ) {
            if (Character.isDigit(line.charAt(i))) {
                int start = i;
                while (i < line.length() && Character.isDigit(line.charAt(i))) {
                    i++;
                }
                runs.add(new int[] {start, i});
            } else {
                i++;
            }
        }
        if (runs.isEmpty()) {
            return line;
        }
        int[] run = runs.get(random.nextInt(runs.size()));
        return line.substring(0, run[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + line.substring(run[1]);
    }

    private static String negativePort(String line, Random random) {
        if (!line.startsWith("m=")) {
            return line;
        }
        String[] f = line.split(" ", 3);
        return f.length < 3 ? line : f[0] + " " + (random.nextBoolean() ? "-" + f[1] : "0") + " " + f[2];
    }
}
