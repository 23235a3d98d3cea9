package sabaq.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.dtls.SrtpProfile;

class SrtpTransformerTest {

    private static final int SPARE = SrtpTransformer.MAX_RTCP_OVERHEAD;

    private static SrtpKeyMaterial keys(SrtpProfile profile, long seed) {
        byte[] exported = new byte[profile.keyingMaterialLength()];
        new Random(seed).nextBytes(exported);
        return SrtpKeyMaterial.fromExporter(profile, exported);
    }

    /** Writes an RTP header (RFC 3550 5.1, version 2, PT 96) and the payload at {@code off}; returns the length. */
    private static int writeRtp(byte[] buf, int off, int seq, long timestamp, int ssrc, byte[] payload) {
        buf[off] = (byte) 0x80;
        buf[off + 1] = 96;
        buf[off + 2] = (byte) (seq >> 8);
        buf[off + 3] = (byte) seq;
        writeInt(buf, off + 4, (int) timestamp);
        writeInt(buf, off + 8, ssrc);
        System.arraycopy(payload, 0, buf, off + 12, payload.length);
        return 12 + payload.length;
    }

    private static byte[] rtp(int seq, int ssrc, byte[] payload) {
        byte[] buf = new byte[12 + payload.length + SPARE];
        writeRtp(buf, 0, seq, seq * 3000L, ssrc, payload);
        return buf;
    }

    /** A sender report (RFC 3550 6.4.1, PT 200) with no report blocks, then the given bytes as a second packet. */
    private static byte[] rtcp(int ssrc, byte[] tail) {
        byte[] buf = new byte[28 + tail.length + SPARE];
        buf[0] = (byte) 0x80;
        buf[1] = (byte) 200;
        buf[3] = 6;
        writeInt(buf, 4, ssrc);
        System.arraycopy(tail, 0, buf, 28, tail.length);
        return buf;
    }

    private static void writeInt(byte[] buf, int pos, int value) {
        buf[pos] = (byte) (value >> 24);
        buf[pos + 1] = (byte) (value >> 16);
        buf[pos + 2] = (byte) (value >> 8);
        buf[pos + 3] = (byte) value;
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsInBothDirectionsWithDirectionalKeys(SrtpProfile profile) {
        SrtpKeyMaterial keys = keys(profile, 1);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        byte[] payload = random(new Random(2), 1000);
        byte[] buf = rtp(1234, 0x11223344, payload);
        byte[] plain = Arrays.copyOf(buf, 1012);

        int srtpLength = browser.protectRtp(buf, 0, 1012);
        assertEquals(1012 + browser.rtpOverhead(), srtpLength);
        assertEquals(profile == SrtpProfile.AEAD_AES_128_GCM ? 16 : 10, browser.rtpOverhead());
        assertArrayEquals(Arrays.copyOf(plain, 12), Arrays.copyOf(buf, 12), "the RTP header stays in clear");
        assertFalse(Arrays.equals(payload, Arrays.copyOfRange(buf, 12, 1012)), "the payload is encrypted");
        byte[] srtp = Arrays.copyOf(buf, srtpLength);

        assertEquals(SrtpTransformer.AUTH_FAIL, SrtpTransformer.forClient(keys).unprotectRtp(srtp.clone(), 0,
                srtpLength), "the client's own receive keys are the server's");
        assertEquals(1012, sfu.unprotectRtp(buf, 0, srtpLength));
        assertArrayEquals(plain, Arrays.copyOf(buf, 1012));

        int back = sfu.protectRtp(buf, 0, 1012);
        assertEquals(1012, browser.unprotectRtp(buf, 0, back));
        assertArrayEquals(plain, Arrays.copyOf(buf, 1012));

        assertEquals(1, browser.protectedPackets());
        assertEquals(1, browser.unprotectedPackets());
        assertEquals(1, sfu.protectedPackets());
        assertEquals(1, sfu.unprotectedPackets());
        assertEquals(0, sfu.authFailures());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTrips(SrtpProfile profile) {
        SrtpKeyMaterial keys = keys(profile, 3);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        byte[] tail = {(byte) 0x81, (byte) 206, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2};
        byte[] buf = rtcp(0x55667788, tail);
        int len = 28 + tail.length;
        byte[] plain = Arrays.copyOf(buf, len);

        int srtcpLength = browser.protectRtcp(buf, 0, len);
        assertEquals(len + browser.rtcpOverhead(), srtcpLength);
        assertArrayEquals(Arrays.copyOf(plain, 8), Arrays.copyOf(buf, 8), "the first header and SSRC stay in clear");
        assertFalse(Arrays.equals(plain, Arrays.copyOf(buf, len)), "the rest is encrypted");
        assertEquals(len, sfu.unprotectRtcp(buf, 0, srtcpLength));
        assertArrayEquals(plain, Arrays.copyOf(buf, len));

        int back = sfu.protectRtcp(buf, 0, len);
        assertEquals(len, browser.unprotectRtcp(buf, 0, back));
        assertArrayEquals(plain, Arrays.copyOf(buf, len));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void flippedBitFailsAuthenticationAndTheNextGoodPacketPasses(SrtpProfile profile) {
        SrtpKeyMaterial keys = keys(profile, 4);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        Random r = new Random(5);
        byte[] first = rtp(10, 7, random(r, 200));
        byte[] second = rtp(11, 7, random(r, 200));
        int firstLength = browser.protectRtp(first, 0, 212);
        int secondLength = browser.protectRtp(second, 0, 212);

        first[100] ^= 0x04;
        assertEquals(SrtpTransformer.AUTH_FAIL, sfu.unprotectRtp(first, 0, firstLength));
        byte[] tagFlipped = second.clone();
        tagFlipped[secondLength - 1] ^= 0x01;
        assertEquals(SrtpTransformer.AUTH_FAIL, sfu.unprotectRtp(tagFlipped, 0, secondLength));
        assertEquals(212, sfu.unprotectRtp(second, 0, secondLength));
        assertEquals(2, sfu.authFailures());
        assertEquals(1, sfu.unprotectedPackets());

        byte[] control = rtcp(7, new byte[0]);
        int controlLength = browser.protectRtcp(control, 0, 28);
        control[20] ^= 0x10;
        assertEquals(SrtpTransformer.AUTH_FAIL, sfu.unprotectRtcp(control, 0, controlLength));
        assertEquals(3, sfu.authFailures());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketsAreRefused(SrtpProfile profile) {
        SrtpKeyMaterial keys = keys(profile, 6);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        byte[] buf = rtp(500, 9, random(new Random(7), 100));
        int len = browser.protectRtp(buf, 0, 112);
        byte[] replay = buf.clone();
        assertEquals(112, sfu.unprotectRtp(buf, 0, len));
        assertEquals(SrtpTransformer.REPLAY_FAIL, sfu.unprotectRtp(replay, 0, len));
        assertEquals(1, sfu.replayFailures());

        byte[] control = rtcp(9, new byte[0]);
        int controlLength = browser.protectRtcp(control, 0, 28);
        byte[] controlReplay = control.clone();
        assertEquals(28, sfu.unprotectRtcp(control, 0, controlLength));
        assertEquals(SrtpTransformer.REPLAY_FAIL, sfu.unprotectRtcp(controlReplay, 0, controlLength));
        assertEquals(2, sfu.replayFailures());
    }

    @Test
    void theSfuMayProtectTheSamePacketTwiceForRetransmission() {
        SrtpTransformer sfu = SrtpTransformer.forServer(keys(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 8));
        byte[] original = rtp(77, 3, random(new Random(9), 50));
        byte[] again = original.clone();
        int first = sfu.protectRtp(original, 0, 62);
        assertEquals(first, sfu.protectRtp(again, 0, 62));
        assertArrayEquals(original, again);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void seventyThousandPacketsCrossTheSequenceWrap(SrtpProfile profile) {
        SrtpKeyMaterial keys = keys(profile, 10);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        Random r = new Random(11);
        byte[] payload = random(r, 160);
        byte[] buf = new byte[5 + 172 + SPARE];
        int ssrc = 0xCAFEBABE;
        byte[] afterWrap = null;
        int afterWrapLength = 0;
        for (int i = 0; i < 70_000; i++) {
            int seq = (65_000 + i) & 0xFFFF;
            payload[0] = (byte) i;
            payload[1] = (byte) (i >> 8);
            int len = writeRtp(buf, 5, seq, 960L * i, ssrc, payload);
            int protectedLength = browser.protectRtp(buf, 5, len);
            assertEquals(len + browser.rtpOverhead(), protectedLength, "protect " + i);
            if (seq == 100 && afterWrap == null) {
                afterWrap = Arrays.copyOfRange(buf, 5, 5 + protectedLength);
                afterWrapLength = protectedLength;
            }
            int result = sfu.unprotectRtp(buf, 5, protectedLength);
            if (result != len) {
                throw new AssertionError("packet " + i + " (seq " + seq + "): " + SrtpTransformer.describe(result));
            }
            if (buf[5 + 12] != (byte) i || buf[5 + 13] != (byte) (i >> 8)) {
                throw new AssertionError("payload of packet " + i + " differs");
            }
        }
        assertEquals(70_000, sfu.unprotectedPackets());
        assertEquals(0, sfu.authFailures());
        // A receiver that starts after the wrap guesses ROC 0; the sender used ROC 1, so it must fail.
        assertEquals(SrtpTransformer.AUTH_FAIL,
                SrtpTransformer.forServer(keys).unprotectRtp(afterWrap, 0, afterWrapLength));
    }

    @Test
    void severalSsrcsKeepIndependentState() {
        SrtpKeyMaterial keys = keys(SrtpProfile.AEAD_AES_128_GCM, 12);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        Random r = new Random(13);
        int[] ssrcs = {1, 0x7FFFFFFF, 0x80000000, -1, 424242};
        int[] seqs = {0, 65_530, 100, 40_000, 65_535};
        byte[] buf = new byte[12 + 300 + SPARE];
        for (int round = 0; round < 200; round++) {
            for (int s = 0; s < ssrcs.length; s++) {
                byte[] payload = random(r, 1 + r.nextInt(300));
                int len = writeRtp(buf, 0, (seqs[s] + round) & 0xFFFF, round, ssrcs[s], payload);
                int protectedLength = browser.protectRtp(buf, 0, len);
                assertEquals(len, sfu.unprotectRtp(buf, 0, protectedLength));
                assertArrayEquals(payload, Arrays.copyOfRange(buf, 12, len));
            }
        }
        assertEquals(1000, sfu.unprotectedPackets());
    }

    @Test
    void moreSsrcsThanTheBoundStillRoundTrip() {
        SrtpKeyMaterial keys = keys(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 14);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        byte[] payload = new byte[20];
        for (int ssrc = 0; ssrc < SrtpTransformer.MAX_SSRCS + 50; ssrc++) {
            byte[] buf = rtp(1, ssrc, payload);
            assertEquals(32, sfu.unprotectRtp(buf, 0, browser.protectRtp(buf, 0, 32)));
        }
    }

    @Test
    void forgedSsrcsDoNotEvictRealStreams() {
        SrtpKeyMaterial keys = keys(SrtpProfile.AEAD_AES_128_GCM, 15);
        SrtpTransformer browser = SrtpTransformer.forClient(keys);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        byte[] real = rtp(1000, 5, new byte[40]);
        int len = browser.protectRtp(real, 0, 52);
        byte[] replay = real.clone();
        assertEquals(52, sfu.unprotectRtp(real, 0, len));
        Random r = new Random(16);
        for (int i = 0; i < 2 * SrtpTransformer.MAX_SSRCS; i++) {
            byte[] forged = rtp(1, r.nextInt(), random(r, 40));
            assertEquals(SrtpTransformer.AUTH_FAIL, sfu.unprotectRtp(forged, 0, 52 + 16));
        }
        assertEquals(SrtpTransformer.REPLAY_FAIL, sfu.unprotectRtp(replay, 0, len),
                "the real stream's replay window survived");
    }

    @Test
    void malformedInputsReturnErrorsAndNeverThrow() {
        SrtpTransformer sfu = SrtpTransformer.forServer(keys(SrtpProfile.AEAD_AES_128_GCM, 17));
        byte[] buf = rtp(1, 1, new byte[20]);
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtp(buf, 0, 11));
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.unprotectRtp(buf, 0, 12 + 15));
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtp(null, 0, 12));
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtp(buf, -1, 12));
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtp(buf, 10, buf.length));
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.unprotectRtcp(buf, 0, 8));
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtcp(buf, 0, 7));
        byte[] version1 = buf.clone();
        version1[0] = 0x40;
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtp(version1, 0, 32));
        byte[] csrcPastEnd = buf.clone();
        csrcPastEnd[0] = (byte) 0x8F;
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtp(csrcPastEnd, 0, 32));
        byte[] extensionPastEnd = buf.clone();
        extensionPastEnd[0] = (byte) 0x90;
        extensionPastEnd[14] = 0x10;
        assertEquals(SrtpTransformer.INVALID_PACKET, sfu.protectRtp(extensionPastEnd, 0, 32));
        assertEquals(10, sfu.invalidPackets());
        assertEquals(0, sfu.protectedPackets());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void missingSpareRoomIsRefusedAndExactRoomSuffices(SrtpProfile profile) {
        SrtpTransformer sfu = SrtpTransformer.forServer(keys(profile, 18));
        byte[] tight = Arrays.copyOf(rtp(1, 1, new byte[20]), 32 + sfu.rtpOverhead() - 1);
        assertEquals(SrtpTransformer.NO_ROOM, sfu.protectRtp(tight, 0, 32));
        byte[] exact = Arrays.copyOf(rtp(1, 1, new byte[20]), 32 + sfu.rtpOverhead());
        assertEquals(exact.length, sfu.protectRtp(exact, 0, 32));

        byte[] tightControl = Arrays.copyOf(rtcp(1, new byte[0]), 28 + sfu.rtcpOverhead() - 1);
        assertEquals(SrtpTransformer.NO_ROOM, sfu.protectRtcp(tightControl, 0, 28));
        byte[] exactControl = Arrays.copyOf(rtcp(1, new byte[0]), 28 + sfu.rtcpOverhead());
        assertEquals(exactControl.length, sfu.protectRtcp(exactControl, 0, 28));
        assertTrue(sfu.rtcpOverhead() <= SrtpTransformer.MAX_RTCP_OVERHEAD);
    }

    @Test
    void closedTransformerRefusesWork() {
        SrtpKeyMaterial keys = keys(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 19);
        SrtpTransformer sfu = SrtpTransformer.forServer(keys);
        sfu.close();
        byte[] buf = rtp(1, 1, new byte[20]);
        assertEquals(SrtpTransformer.CRYPTO_FAIL, sfu.protectRtp(buf, 0, 32));
        assertEquals(SrtpTransformer.CRYPTO_FAIL, sfu.unprotectRtcp(buf, 0, 32));
    }

    @Test
    void aesIsPinnedToOpenSslWhenTheNativeLibraryLoaded() {
        SrtpTransformer.forServer(keys(SrtpProfile.AEAD_AES_128_GCM, 20));
        assertEquals(JitsiOpenSslProvider.isLoaded() ? "OpenSSL" : "SunJCE", SrtpTransformer.aesImplementation());
    }

    @Test
    void fuzzedPacketsNeverThrowAndResultsStayInRange() {
        Random r = new Random(3711L);
        for (SrtpProfile profile : SrtpProfile.values()) {
            SrtpKeyMaterial keys = keys(profile, 21);
            SrtpTransformer browser = SrtpTransformer.forClient(keys);
            SrtpTransformer sfu = SrtpTransformer.forServer(keys);
            byte[] valid = new byte[1200];
            for (int i = 0; i < 100_000; i++) {
                byte[] input;
                int off;
                int len;
                if (r.nextInt(10) < 8) {
                    // A fixed timestamp: the RTCP calls read it as the sender SSRC, and new SSRCs cost a derivation.
                    int plainLength = writeRtp(valid, 0, i & 0xFFFF, 1, 1 + r.nextInt(3), random(r, r.nextInt(300)));
                    int protectedLength = browser.protectRtp(valid, 0, plainLength);
                    input = Arrays.copyOf(valid, protectedLength + SPARE);
                    for (int m = r.nextInt(4); m > 0; m--) {
                        input[r.nextInt(protectedLength)] ^= (byte) (1 + r.nextInt(255));
                    }
                    off = 0;
                    len = r.nextInt(8) == 0 ? r.nextInt(protectedLength + 1) : protectedLength;
                } else {
                    input = random(r, r.nextInt(64));
                    off = input.length == 0 ? 0 : r.nextInt(input.length);
                    len = r.nextInt(input.length - off + 1);
                    if (input.length > 0) {
                        input[0] = (byte) ((input[0] & 0x3F) | 0x80);
                    }
                    if (input.length >= 12 && r.nextInt(20) != 0) {
                        // Mostly known SSRCs: a new one costs a key derivation, which is not what is fuzzed here.
                        writeInt(input, 4, 1);
                        writeInt(input, 8, 1);
                    }
                }
                int capacity = input.length - off;
                assertInRange(sfu.unprotectRtp(input.clone(), off, len), capacity);
                assertInRange(sfu.unprotectRtcp(input.clone(), off, len), capacity);
                assertInRange(sfu.protectRtp(input.clone(), off, len), capacity);
                assertInRange(sfu.protectRtcp(input.clone(), off, len), capacity);
            }
        }
    }

    private static void assertInRange(int result, int capacity) {
        if (result > capacity || result < SrtpTransformer.CRYPTO_FAIL) {
            throw new AssertionError("result out of range: " + result + " (capacity " + capacity + ")");
        }
    }
}
