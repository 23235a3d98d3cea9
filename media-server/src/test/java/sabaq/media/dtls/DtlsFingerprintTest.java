package sabaq.media.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DtlsFingerprintTest {

    private static final byte[] CERT = "not really a certificate, but any bytes hash".getBytes();

    private static String hexOf(byte[] digest) {
        StringBuilder sb = new StringBuilder();
        for (byte b : digest) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource({"sha-1,SHA-1", "sha-256,SHA-256", "sha-384,SHA-384", "sha-512,SHA-512", "SHA-256,SHA-256"})
    void parsesEachAlgorithmAndMatchesTheCertificate(String sdpName, String jdkName) throws Exception {
        String hex = hexOf(MessageDigest.getInstance(jdkName).digest(CERT));
        DtlsFingerprint fp = DtlsFingerprint.parse(sdpName + " " + hex).orElseThrow();
        assertEquals(sdpName.toLowerCase(), fp.algorithm());
        assertEquals(hex, fp.hex());
        assertTrue(fp.matches(CERT));
        assertFalse(fp.matches("other".getBytes()));
        assertFalse(fp.matches(null));
        assertEquals(fp, DtlsFingerprint.parse("  " + sdpName + "   " + hex.toLowerCase() + " ").orElseThrow());
    }

    @Test
    void sha256OfFormatsLikeSdp() {
        DtlsFingerprint fp = DtlsFingerprint.sha256Of(CERT);
        assertTrue(fp.toSdpValue().matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}"), fp.toSdpValue());
        assertEquals(Optional.of(fp), DtlsFingerprint.parse(fp.toSdpValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "sha-256", "sha-256 ", "md5 AB:CD", "sha-256 AB:CD",
        "sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:8",
        "sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:8G",
        "sha-256 AB-CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
        "sha-256 ABCD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:",
        "sha-1 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"})
    void rejectsMalformedValues(String value) {
        assertEquals(Optional.empty(), DtlsFingerprint.parse(value));
    }

    @Test
    void rejectsNull() {
        assertEquals(Optional.empty(), DtlsFingerprint.parse(null));
    }

    @Test
    void fuzzedInputsNeverThrowAndParsedValuesRoundTrip() throws Exception {
        Random random = new Random(4572L);
        String valid = DtlsFingerprint.sha256Of(CERT).toSdpValue();
        String alphabet = "sha-1256384 :ABCDEFabcdef0123456789G\t\u00e9\uff10";
        int parsed = 0;
        for (int i = 0; i < 200_000; i++) {
            String input;
            if (random.nextBoolean()) {
                char[] chars = valid.toCharArray();
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                input = new String(chars, 0, random.nextInt(chars.length + 1));
                if (random.nextInt(4) == 0) {
                    input = new String(chars);
                }
            } else {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(120);
                for (int c = 0; c < n; c++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                input = sb.toString();
            }
            Optional<DtlsFingerprint> result = DtlsFingerprint.parse(input);
            if (result.isPresent()) {
                parsed++;
                DtlsFingerprint fp = result.get();
                assertEquals(fp, DtlsFingerprint.parse(fp.toSdpValue()).orElseThrow());
                assertTrue(fp.bytes().length >= 20 && fp.bytes().length <= 64);
            }
        }
        assertTrue(parsed > 0, "some mutated inputs should still be valid");
    }
}
