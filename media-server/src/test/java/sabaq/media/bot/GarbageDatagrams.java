package sabaq.media.bot;

import sabaq.media.stun.StunMessages;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Hostile datagrams for fuzzing the SFU's socket, from a fixed seed: random bytes of any length and first byte (every
 * RFC 7983 range), and things that look right at first glance: RTP and RTCP headers with random bodies, STUN headers
 * with the magic cookie and random attributes, Binding requests for a real ufrag with at least one byte changed,
 * and DTLS record headers with random content.
 */
public final class GarbageDatagrams {
    private final SplittableRandom random;

    public GarbageDatagrams(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Any of the kinds below, evenly. {@code username}/{@code key} make mutated valid-looking STUN. */
    public byte[] next(String username, String key) {
        switch (random.nextInt(6)) {
            case 0:
                return randomBytes(random.nextInt(1500));
            case 1:
                return rtpLike();
            case 2:
                return rtcpLike();
            case 3:
                return stunLike();
            case 4:
                return mutatedBindingRequest(username, key);
            default:
                return dtlsLike();
        }
    }

    public byte[] randomBytes(int len) {
        byte[] b = new byte[len];
        random.nextBytes(b);
        return b;
    }

    /** Version 2, random flags, payload type, SSRC and body; sometimes with a bogus extension length or padding. */
    public byte[] rtpLike() {
        byte[] b = randomBytes(random.nextInt(4, 1300));
        b[0] = (byte) (0x80 | (b[0] & 0x3F));
        b[1] = (byte) (b[1] & 0x7F);
        return b;
    }

    /** Version 2 with an RTCP packet type (192..223) and a random length field and body. */
    public byte[] rtcpLike() {
        byte[] b = randomBytes(random.nextInt(4, 400));
        b[0] = (byte) (0x80 | (b[0] & 0x3F));
        b[1] = (byte) random.nextInt(192, 224);
        return b;
    }

    /** A STUN header (type 0x0001 or random, right length, magic cookie) followed by random attributes. */
    public byte[] stunLike() {
        int body = random.nextInt(0, 40) * 4;
        byte[] b = randomBytes(20 + body);
        b[0] = (byte) random.nextInt(4);
        if (random.nextBoolean()) b[1] = 0x01;
        b[2] = (byte) (body >>> 8);
        b[3] = (byte) body;
        b[4] = 0x21;
        b[5] = 0x12;
        b[6] = (byte) 0xA4;
        b[7] = 0x42;
        return b;
    }

    /**
     * A Binding request that would be valid for {@code username}/{@code key}, with one to four bytes changed, always
     * at least one inside the part MESSAGE-INTEGRITY covers (so it can never authenticate).
     */
    public byte[] mutatedBindingRequest(String username, String key) {
        byte[] tx = randomBytes(12);
        byte[] b = StunMessages.bindingRequest(tx, username, key.getBytes(StandardCharsets.UTF_8), 1, true, true,
                random.nextLong());
        int covered = b.length - 8 - 24;
        int at = random.nextInt(covered);
        b[at] ^= (byte) random.nextInt(1, 256);
        for (int i = random.nextInt(4); i > 0; i--) {
            int other = random.nextInt(b.length);
            if (other != at) b[other] ^= (byte) random.nextInt(1, 256);
        }
        return b;
    }

    /** A DTLS record header (content type 20..63, version FE FD, random epoch, sequence and length) and body. */
    public byte[] dtlsLike() {
        byte[] b = randomBytes(random.nextInt(1, 600));
        b[0] = (byte) random.nextInt(20, 64);
        if (b.length > 2) {
            b[1] = (byte) 0xFE;
            b[2] = (byte) 0xFD;
        }
        return b;
    }
}
