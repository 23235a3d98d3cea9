package sabaq.media.srtp;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.logging.Level;

import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.dtls.SrtpProfile;

/**
 * SRTP and SRTCP (RFC 3711; AEAD AES-GCM per RFC 7714) for one peer, both directions, keyed from DTLS-SRTP
 * (RFC 5764), on top of jitsi-srtp. Packets are transformed in place in the caller's array.
 *
 * <p>Crypto state is kept per SSRC and direction (the rollover counter and replay window of RFC 3711 section 3.3 are
 * per stream), in maps bounded to {@value #MAX_SSRCS} SSRCs each that evict the least recently used. A receive context
 * joins its map only once a packet authenticated, so forged SSRCs cannot push real streams out (see
 * {@link ReceiveContexts}); each new SSRC costs one key derivation (about 10 µs). Send-side replay checking is off,
 * since an SFU re-sends identical packets for NACKs. Receive contexts derived late assume ROC 0.
 *
 * <p>All methods are non-blocking and never throw. They return the new packet length, or a negative error code
 * ({@link #AUTH_FAIL}, {@link #REPLAY_FAIL}, {@link #INVALID_PACKET}, {@link #NO_ROOM}, {@link #CRYPTO_FAIL}). This
 * class allocates nothing per packet once an SSRC is known (one reused {@link SliceBuffer}, primitive-keyed maps);
 * jitsi-srtp itself still allocates small IV and tag objects inside the JCE calls.
 *
 * <p><b>Threading:</b> not thread safe. Confine each instance to one thread (the peer's event loop); only the
 * counters may be read from other threads.
 */
public final class SrtpTransformer {

    /** Authentication failed (bad tag, wrong key, corrupted packet). */
    public static final int AUTH_FAIL = -1;
    /** The packet was received before or is older than the replay window (RFC 3711 section 3.3.2). */
    public static final int REPLAY_FAIL = -2;
    /** Not an RTP/RTCP packet this can handle: bad slice, too short, not version 2, header past the end. */
    public static final int INVALID_PACKET = -3;
    /** Fewer spare bytes after the packet than {@link #rtpOverhead()} / {@link #rtcpOverhead()}. */
    public static final int NO_ROOM = -4;
    /** The cipher failed (e.g. SunJCE refuses to encrypt twice with one GCM IV), or the transformer is closed. */
    public static final int CRYPTO_FAIL = -5;

    /** Spare bytes that always suffice after an RTP packet to protect (the GCM tag). */
    public static final int MAX_RTP_OVERHEAD = 16;
    /** Spare bytes that always suffice after an RTCP packet to protect (GCM tag plus SRTCP index). */
    public static final int MAX_RTCP_OVERHEAD = 20;
    /** SSRCs kept per direction and packet kind before the least recently used is evicted. */
    public static final int MAX_SSRCS = 256;

    private static final int PROBATION_SSRCS = 16;
    private static final int RTP_HEADER = 12;
    private static final int SRTCP_INDEX = 4;
    private static final int RTCP_MIN = 8;
    private static final Logger JITSI_LOGGER = new LoggerImpl(SrtpTransformer.class.getName(), Level.WARNING);

    static {
        JitsiSrtpSetup.aesImplementation();
    }

    private final SrtpProfile profile;
    private final SrtpContextFactory encrypt;
    private final SrtpContextFactory decrypt;
    private final int rtpTag;
    private final int rtcpTag;
    private final SsrcLruMap<SrtpCryptoContext> protectRtpContexts = new SsrcLruMap<>(MAX_SSRCS);
    private final ReceiveContexts<SrtpCryptoContext> unprotectRtpContexts;
    private final SsrcLruMap<SrtcpCryptoContext> protectRtcpContexts = new SsrcLruMap<>(MAX_SSRCS);
    private final ReceiveContexts<SrtcpCryptoContext> unprotectRtcpContexts;
    private final SliceBuffer packet = new SliceBuffer();
    private boolean closed;
    private volatile long protectedPackets;
    private volatile long unprotectedPackets;
    private volatile long authFailures;
    private volatile long replayFailures;
    private volatile long invalidPackets;

    private SrtpTransformer(SrtpProfile profile, byte[] encryptKey, byte[] encryptSalt, byte[] decryptKey,
                            byte[] decryptSalt) {
        this.profile = profile;
        this.encrypt = new SrtpContextFactory(true, encryptKey, encryptSalt, rtpPolicy(profile), rtcpPolicy(profile),
                JITSI_LOGGER);
        this.decrypt = new SrtpContextFactory(false, decryptKey, decryptSalt, rtpPolicy(profile),
                rtcpPolicy(profile), JITSI_LOGGER);
        this.unprotectRtpContexts = new ReceiveContexts<>(MAX_SSRCS, PROBATION_SSRCS,
                ssrc -> decrypt.deriveContext(ssrc, 0));
        this.unprotectRtcpContexts = new ReceiveContexts<>(MAX_SSRCS, PROBATION_SSRCS, decrypt::deriveControlContext);
        this.rtpTag = rtpPolicy(profile).getAuthTagLength();
        this.rtcpTag = rtcpPolicy(profile).getAuthTagLength();
    }

    /** For the SFU (DTLS server): decrypts with the client's key and salt, encrypts with the server's. */
    public static SrtpTransformer forServer(SrtpKeyMaterial keys) {
        Objects.requireNonNull(keys, "keys");
        return new SrtpTransformer(keys.profile(), keys.serverKey(), keys.serverSalt(), keys.clientKey(),
                keys.clientSalt());
    }

    /** For a bot acting as the browser (DTLS client): encrypts with the client's key and salt, decrypts the server's */
    public static SrtpTransformer forClient(SrtpKeyMaterial keys) {
        Objects.requireNonNull(keys, "keys");
        return new SrtpTransformer(keys.profile(), keys.clientKey(), keys.clientSalt(), keys.serverKey(),
                keys.serverSalt());
    }

    /** "OpenSSL" or "SunJCE": the AES implementation pinned for jitsi-srtp. */
    public static String aesImplementation() {
        return JitsiSrtpSetup.aesImplementation();
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Bytes {@link #protectRtp} appends: the auth tag (10 for CM_HMAC_SHA1_80, 16 for GCM). */
    public int rtpOverhead() {
        return rtpTag;
    }

    /** Bytes {@link #protectRtcp} appends: the SRTCP index (4) and the auth tag. */
    public int rtcpOverhead() {
        return SRTCP_INDEX + rtcpTag;
    }

    /**
     * Encrypts and authenticates an RTP packet in place. {@code buf} must have at least {@link #rtpOverhead()} (at
     * most {@value #MAX_RTP_OVERHEAD}) spare bytes after {@code off + len}.
     *
     * @return the SRTP packet length, or a negative error code
     */
    public int protectRtp(byte[] buf, int off, int len) {
        if (closed) {
            return CRYPTO_FAIL;
        }
        if (rtpHeaderLength(buf, off, len) < 0) {
            return invalid();
        }
        if (buf.length - off - len < rtpTag) {
            return NO_ROOM;
        }
        int ssrc = readInt(buf, off + 8);
        try {
            SrtpCryptoContext context = protectRtpContexts.get(ssrc);
            if (context == null) {
                context = encrypt.deriveContext(ssrc, 0);
                protectRtpContexts.put(ssrc, context);
            }
            packet.wrap(buf, off, len);
            return afterProtect(context.transformPacket(packet));
        } catch (GeneralSecurityException | RuntimeException e) {
            return CRYPTO_FAIL;
        } finally {
            packet.release();
        }
    }

    /**
     * Authenticates and decrypts an SRTP packet in place.
     *
     * @return the RTP packet length, or a negative error code
     */
    public int unprotectRtp(byte[] buf, int off, int len) {
        if (closed) {
            return CRYPTO_FAIL;
        }
        int header = rtpHeaderLength(buf, off, len);
        if (header < 0 || header > len - rtpTag) {
            return invalid();
        }
        int ssrc = readInt(buf, off + 8);
        try {
            SrtpCryptoContext context = unprotectRtpContexts.lookup(ssrc);
            packet.wrap(buf, off, len);
            SrtpErrorStatus status = context.reverseTransformPacket(packet, false);
            if (status == SrtpErrorStatus.OK) {
                unprotectRtpContexts.authenticated(ssrc, context);
            }
            return afterUnprotect(status);
        } catch (GeneralSecurityException | RuntimeException e) {
            return CRYPTO_FAIL;
        } finally {
            packet.release();
        }
    }

    /**
     * Encrypts and authenticates an RTCP compound packet in place, appending the SRTCP index and tag. {@code buf}
     * must have at least {@link #rtcpOverhead()} (at most {@value #MAX_RTCP_OVERHEAD}) spare bytes after
     * {@code off + len}.
     *
     * @return the SRTCP packet length, or a negative error code
     */
    public int protectRtcp(byte[] buf, int off, int len) {
        if (closed) {
            return CRYPTO_FAIL;
        }
        if (!isRtcp(buf, off, len, RTCP_MIN)) {
            return invalid();
        }
        if (buf.length - off - len < SRTCP_INDEX + rtcpTag) {
            return NO_ROOM;
        }
        int ssrc = readInt(buf, off + 4);
        try {
            SrtcpCryptoContext context = protectRtcpContexts.get(ssrc);
            if (context == null) {
                context = encrypt.deriveControlContext(ssrc);
                protectRtcpContexts.put(ssrc, context);
            }
            packet.wrap(buf, off, len);
            return afterProtect(context.transformPacket(packet));
        } catch (GeneralSecurityException | RuntimeException e) {
            return CRYPTO_FAIL;
        } finally {
            packet.release();
        }
    }

    /**
     * Authenticates and decrypts an SRTCP packet in place, removing the SRTCP index and tag.
     *
     * @return the RTCP packet length, or a negative error code
     */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (closed) {
            return CRYPTO_FAIL;
        }
        if (!isRtcp(buf, off, len, RTCP_MIN + SRTCP_INDEX + rtcpTag)) {
            return invalid();
        }
        int ssrc = readInt(buf, off + 4);
        try {
            SrtcpCryptoContext context = unprotectRtcpContexts.lookup(ssrc);
            packet.wrap(buf, off, len);
            SrtpErrorStatus status = context.reverseTransformPacket(packet);
            if (status == SrtpErrorStatus.OK) {
                unprotectRtcpContexts.authenticated(ssrc, context);
            }
            return afterUnprotect(status);
        } catch (GeneralSecurityException | RuntimeException e) {
            return CRYPTO_FAIL;
        } finally {
            packet.release();
        }
    }

    /** Forgets every SSRC context and wipes the master keys; later calls fail with {@link #CRYPTO_FAIL}. */
    public void close() {
        closed = true;
        protectRtpContexts.clear();
        unprotectRtpContexts.clear();
        protectRtcpContexts.clear();
        unprotectRtcpContexts.clear();
        encrypt.close();
        decrypt.close();
    }

    public long protectedPackets() {
        return protectedPackets;
    }

    public long unprotectedPackets() {
        return unprotectedPackets;
    }

    public long authFailures() {
        return authFailures;
    }

    public long replayFailures() {
        return replayFailures;
    }

    /** Packets refused as {@link #INVALID_PACKET}. */
    public long invalidPackets() {
        return invalidPackets;
    }

    /** A readable name for a result code of this class. */
    public static String describe(int result) {
        switch (result) {
            case AUTH_FAIL:
                return "AUTH_FAIL";
            case REPLAY_FAIL:
                return "REPLAY_FAIL";
            case INVALID_PACKET:
                return "INVALID_PACKET";
            case NO_ROOM:
                return "NO_ROOM";
            case CRYPTO_FAIL:
                return "CRYPTO_FAIL";
            default:
                return result >= 0 ? "OK(" + result + ")" : "UNKNOWN(" + result + ")";
        }
    }

    private int afterProtect(SrtpErrorStatus status) {
        if (status != SrtpErrorStatus.OK) {
            return CRYPTO_FAIL;
        }
        protectedPackets++;
        return packet.getLength();
    }

    private int afterUnprotect(SrtpErrorStatus status) {
        switch (status) {
            case OK:
                unprotectedPackets++;
                return packet.getLength();
            case AUTH_FAIL:
                authFailures++;
                return AUTH_FAIL;
            case REPLAY_FAIL:
            case REPLAY_OLD:
                replayFailures++;
                return REPLAY_FAIL;
            case INVALID_PACKET:
                return invalid();
            default:
                return CRYPTO_FAIL;
        }
    }

    private int invalid() {
        invalidPackets++;
        return INVALID_PACKET;
    }

    /**
     * Length of the RTP header (RFC 3550 section 5.1: fixed 12 bytes, CSRCs, optional extension) if the slice is a
     * valid version-2 RTP packet that contains it, else -1.
     */
    static int rtpHeaderLength(byte[] buf, int off, int len) {
        if (!validSlice(buf, off, len) || len < RTP_HEADER || (buf[off] & 0xC0) != 0x80) {
            return -1;
        }
        int header = RTP_HEADER + 4 * (buf[off] & 0x0F);
        if ((buf[off] & 0x10) != 0) {
            if (header + 4 > len) {
                return -1;
            }
            header += 4 + 4 * ((buf[off + header + 2] & 0xFF) << 8 | (buf[off + header + 3] & 0xFF));
        }
        return header <= len ? header : -1;
    }

    private static boolean isRtcp(byte[] buf, int off, int len, int minLength) {
        return validSlice(buf, off, len) && len >= minLength && (buf[off] & 0xC0) == 0x80;
    }

    private static boolean validSlice(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && off <= buf.length - len;
    }

    private static int readInt(byte[] buf, int pos) {
        return (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
                | (buf[pos + 3] & 0xFF);
    }

    /** RFC 5764 4.1.2 / RFC 7714 section 14.2: AES-128 with an 80-bit HMAC-SHA1 tag, or AES-128-GCM with 16. */
    private static SrtpPolicy rtpPolicy(SrtpProfile profile) {
        SrtpPolicy policy = basePolicy(profile);
        policy.setSendReplayEnabled(false);
        return policy;
    }

    private static SrtpPolicy rtcpPolicy(SrtpProfile profile) {
        return basePolicy(profile);
    }

    private static SrtpPolicy basePolicy(SrtpProfile profile) {
        switch (profile) {
            case AEAD_AES_128_GCM:
                return new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, 16, SrtpPolicy.NULL_AUTHENTICATION, 0, 16, 12);
            case AES_CM_128_HMAC_SHA1_80:
                return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10,
                        14);
            default:
                throw new IllegalArgumentException("unsupported SRTP profile " + profile);
        }
    }
}
