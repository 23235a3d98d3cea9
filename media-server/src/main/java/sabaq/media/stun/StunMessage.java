package sabaq.media.stun;

import static sabaq.media.stun.StunAttributes.FINGERPRINT;
import static sabaq.media.stun.StunAttributes.HEADER_LENGTH;
import static sabaq.media.stun.StunAttributes.MAGIC_COOKIE;
import static sabaq.media.stun.StunAttributes.MESSAGE_INTEGRITY;
import static sabaq.media.stun.StunAttributes.MESSAGE_INTEGRITY_LENGTH;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A parsed STUN message (RFC 5389 / RFC 8489) with the attributes ICE uses (RFC 8445 section 7.1.1).
 *
 * <p>{@link #parse} accepts a message only if it is well formed: the two top bits of the type are 0, the magic
 * cookie is 0x2112A442, the header length is a multiple of 4 and equals the slice length minus 20 (one message per
 * UDP datagram), every attribute (with its padding to 4 bytes) lies inside the message, MESSAGE-INTEGRITY has 20
 * bytes and FINGERPRINT has 4 bytes and is the last attribute. As RFC 5389 section 15.4 requires, attributes after
 * MESSAGE-INTEGRITY other than FINGERPRINT are ignored. When an attribute repeats, the first one counts.
 *
 * <p>The message <b>copies</b> the input slice, so the caller may release or reuse its buffer (for example a pooled
 * Netty buffer) as soon as {@code parse} returns. STUN runs at a few packets per second per peer, so the copy is
 * cheap; instances are immutable and thread-safe.
 */
public final class StunMessage {
    private final byte[] bytes;
    private int username = -1;
    private int usernameLength;
    private int priority = -1;
    private boolean useCandidate;
    private int iceControlling = -1;
    private int iceControlled = -1;
    private int messageIntegrity = -1;
    private int fingerprint = -1;
    private int xorMappedAddress = -1;
    private int xorMappedAddressLength;
    private int errorCode = -1;
    private int errorCodeLength;

    private StunMessage(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Parses one STUN message that fills {@code buf[off .. off+len)}.
     *
     * @return the message, or null if the slice is out of the array's bounds or not a well-formed STUN message
     */
    public static StunMessage parse(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
            return null;
        }
        if ((buf[off] & 0xC0) != 0 || readInt(buf, off + 4) != MAGIC_COOKIE) {
            return null;
        }
        int bodyLength = readU16(buf, off + 2);
        if ((bodyLength & 3) != 0 || bodyLength != len - HEADER_LENGTH) {
            return null;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        StunMessage msg = new StunMessage(copy);
        return msg.indexAttributes() ? msg : null;
    }

    private boolean indexAttributes() {
        int pos = HEADER_LENGTH;
        while (pos < bytes.length) {
            if (fingerprint >= 0 || bytes.length - pos < 4) {
                return false;
            }
            int type = readU16(bytes, pos);
            int length = readU16(bytes, pos + 2);
            int value = pos + 4;
            int padded = (length + 3) & ~3;
            if (padded > bytes.length - value) {
                return false;
            }
            if (type == FINGERPRINT) {
                if (length != 4) {
                    return false;
                }
                fingerprint = pos;
            } else if (type == MESSAGE_INTEGRITY && messageIntegrity < 0) {
                if (length != MESSAGE_INTEGRITY_LENGTH) {
                    return false;
                }
                messageIntegrity = pos;
            } else if (messageIntegrity < 0) {
                indexAttribute(type, value, length);
            }
            pos = value + padded;
        }
        return true;
    }

    private void indexAttribute(int type, int value, int length) {
        switch (type) {
            case StunAttributes.USERNAME:
                if (username < 0) {
                    username = value;
                    usernameLength = length;
                }
                break;
            case StunAttributes.PRIORITY:
                if (priority < 0 && length == 4) {
                    priority = value;
                }
                break;
            case StunAttributes.USE_CANDIDATE:
                useCandidate = true;
                break;
            case StunAttributes.ICE_CONTROLLING:
                if (iceControlling < 0 && length == 8) {
                    iceControlling = value;
                }
                break;
            case StunAttributes.ICE_CONTROLLED:
                if (iceControlled < 0 && length == 8) {
                    iceControlled = value;
                }
                break;
            case StunAttributes.XOR_MAPPED_ADDRESS:
                if (xorMappedAddress < 0) {
                    xorMappedAddress = value;
                    xorMappedAddressLength = length;
                }
                break;
            case StunAttributes.ERROR_CODE:
                if (errorCode < 0 && length >= 4) {
                    errorCode = value;
                    errorCodeLength = length;
                }
                break;
            default:
                break;
        }
    }

    /** The 14-bit message type, e.g. 0x0001 for a Binding request. */
    public int type() {
        return readU16(bytes, 0);
    }

    /** A copy of the 12-byte transaction id. */
    public byte[] transactionId() {
        byte[] id = new byte[StunAttributes.TRANSACTION_ID_LENGTH];
        System.arraycopy(bytes, 8, id, 0, id.length);
        return id;
    }

    /** Total length of the message in bytes (header included). */
    public int length() {
        return bytes.length;
    }

    public boolean isBindingRequest() {
        return type() == StunAttributes.BINDING_REQUEST;
    }

    public boolean isBindingSuccess() {
        return type() == StunAttributes.BINDING_SUCCESS;
    }

    public boolean isBindingError() {
        return type() == StunAttributes.BINDING_ERROR;
    }

    public boolean isBindingIndication() {
        return type() == StunAttributes.BINDING_INDICATION;
    }

    /** USERNAME decoded as UTF-8 (for ICE: "recipientUfrag:senderUfrag"), or null if absent. */
    public String username() {
        return username < 0 ? null : new String(bytes, username, usernameLength, StandardCharsets.UTF_8);
    }

    /** ICE PRIORITY as an unsigned 32-bit value, or -1 if absent. */
    public long priority() {
        return priority < 0 ? -1 : readInt(bytes, priority) & 0xFFFFFFFFL;
    }

    /** True if USE-CANDIDATE is present (the controlling agent nominates this pair). */
    public boolean useCandidate() {
        return useCandidate;
    }

    public boolean iceControlling() {
        return iceControlling >= 0;
    }

    public boolean iceControlled() {
        return iceControlled >= 0;
    }

    /** The 64-bit tie-breaker of ICE-CONTROLLING, else of ICE-CONTROLLED, else 0. */
    public long tieBreaker() {
        int at = iceControlling >= 0 ? iceControlling : iceControlled;
        return at < 0 ? 0 : ((long) readInt(bytes, at) << 32) | (readInt(bytes, at + 4) & 0xFFFFFFFFL);
    }

    /** ERROR-CODE as class * 100 + number (e.g. 401), or -1 if absent. */
    public int errorCode() {
        return errorCode < 0 ? -1 : (bytes[errorCode + 2] & 0x07) * 100 + (bytes[errorCode + 3] & 0xFF);
    }

    /** The reason phrase of ERROR-CODE, or null if absent. */
    public String errorReason() {
        return errorCode < 0 ? null
                : new String(bytes, errorCode + 4, errorCodeLength - 4, StandardCharsets.UTF_8);
    }

    public boolean hasMessageIntegrity() {
        return messageIntegrity >= 0;
    }

    public boolean hasFingerprint() {
        return fingerprint >= 0;
    }

    /** True if FINGERPRINT is present and equals CRC-32 of the message before it, XOR 0x5354554E. */
    public boolean verifyFingerprint() {
        if (fingerprint < 0) {
            return false;
        }
        return StunCrypto.fingerprint(bytes, 0, fingerprint) == readInt(bytes, fingerprint + 4);
    }

    /**
     * Checks MESSAGE-INTEGRITY: HMAC-SHA1 with {@code key} (for ICE short-term credentials the UTF-8 bytes of the
     * ice-pwd) over the message up to the attribute, with the header length set to end right after it (RFC 5389
     * section 15.4). The comparison runs in constant time. False if the attribute is absent or the key is empty.
     */
    public boolean verifyMessageIntegrity(byte[] key) {
        if (messageIntegrity < 0) {
            return false;
        }
        int lengthField = messageIntegrity + 4 + MESSAGE_INTEGRITY_LENGTH - HEADER_LENGTH;
        byte[] expected = StunCrypto.hmacSha1(key, bytes, 0, messageIntegrity, lengthField);
        return expected != null && StunCrypto.constantTimeEquals(expected, bytes, messageIntegrity + 4);
    }

    /** XOR-MAPPED-ADDRESS (IPv4 or IPv6), or empty if absent or malformed. */
    public Optional<InetSocketAddress> xorMappedAddress() {
        if (xorMappedAddress < 0 || xorMappedAddressLength < 4) {
            return Optional.empty();
        }
        int at = xorMappedAddress;
        int family = bytes[at + 1] & 0xFF;
        int addressLength = family == 1 ? 4 : family == 2 ? 16 : -1;
        if (addressLength < 0 || xorMappedAddressLength != 4 + addressLength) {
            return Optional.empty();
        }
        int port = readU16(bytes, at + 2) ^ (MAGIC_COOKIE >>> 16);
        byte[] address = new byte[addressLength];
        for (int i = 0; i < addressLength; i++) {
            // The mask is the cookie followed by the transaction id, i.e. header bytes 4..19.
            address[i] = (byte) (bytes[at + 4 + i] ^ bytes[4 + i]);
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(address), port));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static int readU16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
