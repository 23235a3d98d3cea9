package sabaq.media.stun;

import static sabaq.media.stun.StunAttributes.HEADER_LENGTH;
import static sabaq.media.stun.StunAttributes.MAGIC_COOKIE;
import static sabaq.media.stun.StunAttributes.MESSAGE_INTEGRITY_LENGTH;
import static sabaq.media.stun.StunAttributes.TRANSACTION_ID_LENGTH;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Builders for the STUN messages of ICE (RFC 5389, RFC 8445) and the RFC 7983 demultiplexing test.
 *
 * <p>Every message ends with MESSAGE-INTEGRITY (HMAC-SHA1 keyed with the ICE password, short-term credentials) when
 * a key is given, followed by FINGERPRINT, which ICE requires (RFC 8445 section 7.1). Invalid arguments (a
 * transaction id that is not 12 bytes, an empty key, an error code outside 300..699) are programming errors and
 * throw {@link IllegalArgumentException}.
 */
public final class StunMessages {
    private static final int MAX_USERNAME_BYTES = 513;
    private static final int MAX_REASON_BYTES = 763;

    private StunMessages() {
    }

    /**
     * True if the first byte of a datagram is 0..3, i.e. the datagram is STUN in the RFC 7983 demultiplexing scheme
     * (20..63 is DTLS, 128..191 RTP/RTCP).
     */
    public static boolean looksLikeStun(byte firstByte) {
        return (firstByte & 0xFF) <= 3;
    }

    /**
     * A Binding request as a browser sends it during ICE connectivity checks: USERNAME, PRIORITY, optionally
     * USE-CANDIDATE, ICE-CONTROLLING or ICE-CONTROLLED with the tie-breaker, MESSAGE-INTEGRITY and FINGERPRINT.
     *
     * @param txId 12-byte transaction id
     * @param username "remoteUfrag:localUfrag" (the recipient's ufrag first)
     * @param key the recipient's ice-pwd as UTF-8 bytes
     * @param priority candidate priority, an unsigned 32-bit value
     */
    public static byte[] bindingRequest(byte[] txId, String username, byte[] key, long priority,
            boolean useCandidate, boolean controlling, long tieBreaker) {
        requireKey(key);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        if (user.length > MAX_USERNAME_BYTES) {
            throw new IllegalArgumentException("USERNAME longer than 513 bytes");
        }
        int size = HEADER_LENGTH + 4 + padded(user.length) + 8 + (useCandidate ? 4 : 0) + 12 + 24 + 8;
        Builder b = new Builder(size, StunAttributes.BINDING_REQUEST, txId);
        b.attribute(StunAttributes.USERNAME, user, 0, user.length);
        b.header(StunAttributes.PRIORITY, 4);
        b.putInt((int) priority);
        if (useCandidate) {
            b.header(StunAttributes.USE_CANDIDATE, 0);
        }
        b.header(controlling ? StunAttributes.ICE_CONTROLLING : StunAttributes.ICE_CONTROLLED, 8);
        b.putInt((int) (tieBreaker >>> 32));
        b.putInt((int) tieBreaker);
        b.messageIntegrity(key);
        return b.fingerprint();
    }

    /**
     * A Binding success response: XOR-MAPPED-ADDRESS (the request's source address), MESSAGE-INTEGRITY keyed with
     * our ice-pwd, and FINGERPRINT.
     */
    public static byte[] bindingSuccess(byte[] txId, InetSocketAddress mapped, byte[] key) {
        requireKey(key);
        InetAddress address = mapped.getAddress();
        if (address == null) {
            throw new IllegalArgumentException("unresolved mapped address " + mapped);
        }
        byte[] raw = address.getAddress();
        int size = HEADER_LENGTH + 4 + 4 + raw.length + 24 + 8;
        Builder b = new Builder(size, StunAttributes.BINDING_SUCCESS, txId);
        b.header(StunAttributes.XOR_MAPPED_ADDRESS, 4 + raw.length);
        b.putByte(0);
        b.putByte(raw.length == 4 ? 1 : 2);
        b.putShort(mapped.getPort() ^ (MAGIC_COOKIE >>> 16));
        for (int i = 0; i < raw.length; i++) {
            b.putByte(raw[i] ^ b.out[4 + i]);
        }
        b.messageIntegrity(key);
        return b.fingerprint();
    }

    /**
     * A Binding error response with ERROR-CODE (e.g. 400 Bad Request, 401 Unauthorized, 487 Role Conflict), then
     * MESSAGE-INTEGRITY if {@code keyOrNull} is not null (RFC 5389 section 10.1.2: not for 400/401), and FINGERPRINT.
     */
    public static byte[] bindingError(byte[] txId, int code, String reason, byte[] keyOrNull) {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("STUN error code outside 300..699: " + code);
        }
        if (keyOrNull != null) {
            requireKey(keyOrNull);
        }
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("reason phrase longer than 763 bytes");
        }
        int size = HEADER_LENGTH + 4 + padded(4 + text.length) + (keyOrNull != null ? 24 : 0) + 8;
        Builder b = new Builder(size, StunAttributes.BINDING_ERROR, txId);
        b.header(StunAttributes.ERROR_CODE, 4 + text.length);
        b.putShort(0);
        b.putByte(code / 100);
        b.putByte(code % 100);
        b.putBytes(text, 0, text.length);
        b.pad();
        if (keyOrNull != null) {
            b.messageIntegrity(keyOrNull);
        }
        return b.fingerprint();
    }

    private static void requireKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY needs a non-empty key");
        }
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** Writes a message of a size computed in advance; attributes are appended in order. */
    private static final class Builder {
        final byte[] out;
        int pos;

        Builder(int size, int type, byte[] txId) {
            if (txId == null || txId.length != TRANSACTION_ID_LENGTH) {
                throw new IllegalArgumentException("STUN transaction id must be 12 bytes");
            }
            out = new byte[size];
            putShort(type);
            putShort(0);
            putInt(MAGIC_COOKIE);
            putBytes(txId, 0, TRANSACTION_ID_LENGTH);
        }

        void header(int type, int length) {
            putShort(type);
            putShort(length);
        }

        void attribute(int type, byte[] value, int off, int length) {
            header(type, length);
            putBytes(value, off, length);
            pad();
        }

        void messageIntegrity(byte[] key) {
            int attrStart = pos;
            int lengthField = attrStart + 4 + MESSAGE_INTEGRITY_LENGTH - HEADER_LENGTH;
            byte[] hmac = StunCrypto.hmacSha1(key, out, 0, attrStart, lengthField);
            header(StunAttributes.MESSAGE_INTEGRITY, MESSAGE_INTEGRITY_LENGTH);
            putBytes(hmac, 0, hmac.length);
        }

        byte[] fingerprint() {
            int attrStart = pos;
            setLengthField(attrStart + 8 - HEADER_LENGTH);
            int crc = StunCrypto.fingerprint(out, 0, attrStart);
            header(StunAttributes.FINGERPRINT, 4);
            putInt(crc);
            return out;
        }

        void setLengthField(int length) {
            out[2] = (byte) (length >>> 8);
            out[3] = (byte) length;
        }

        void pad() {
            while ((pos & 3) != 0) {
                out[pos++] = 0;
            }
        }

        void putByte(int v) {
            out[pos++] = (byte) v;
        }

        void putShort(int v) {
            out[pos++] = (byte) (v >>> 8);
            out[pos++] = (byte) v;
        }

        void putInt(int v) {
            putShort(v >>> 16);
            putShort(v);
        }

        void putBytes(byte[] src, int off, int length) {
            System.arraycopy(src, off, out, pos, length);
            pos += length;
        }
    }
}
