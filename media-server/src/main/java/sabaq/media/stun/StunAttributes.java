package sabaq.media.stun;

/**
 * STUN constants: message types (RFC 5389 section 6, class and method bits interleaved) and the attribute types we
 * read or write (RFC 5389 section 18.2 and ICE, RFC 8445 section 16.1).
 */
public final class StunAttributes {
    /** Magic cookie, bytes 4..7 of every RFC 5389 message. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** Size of the fixed STUN header: type, length, cookie, 96-bit transaction id. */
    public static final int HEADER_LENGTH = 20;
    /** Length of the transaction id in bytes. */
    public static final int TRANSACTION_ID_LENGTH = 12;

    /** Binding request (method 0x001, class request). */
    public static final int BINDING_REQUEST = 0x0001;
    /** Binding success response (class success). */
    public static final int BINDING_SUCCESS = 0x0101;
    /** Binding error response (class error). */
    public static final int BINDING_ERROR = 0x0111;
    /** Binding indication (class indication), what browsers send as keep-alive in some modes. */
    public static final int BINDING_INDICATION = 0x0011;

    public static final int MAPPED_ADDRESS = 0x0001;
    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    public static final int PRIORITY = 0x0024;
    public static final int USE_CANDIDATE = 0x0025;
    public static final int SOFTWARE = 0x8022;
    public static final int FINGERPRINT = 0x8028;
    public static final int ICE_CONTROLLED = 0x8029;
    public static final int ICE_CONTROLLING = 0x802A;

    /** Value XORed into the CRC-32 of a FINGERPRINT attribute ("STUN" in ASCII). */
    public static final int FINGERPRINT_XOR = 0x5354554E;
    /** Length of the HMAC-SHA1 value of MESSAGE-INTEGRITY. */
    public static final int MESSAGE_INTEGRITY_LENGTH = 20;

    private StunAttributes() {
    }
}
