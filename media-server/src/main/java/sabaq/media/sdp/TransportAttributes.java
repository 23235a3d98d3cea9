package sabaq.media.sdp;

/**
 * The ICE and DTLS attributes that may appear at session level or in an m-section ({@code a=ice-ufrag},
 * {@code a=ice-pwd} per RFC 8839 section 5.4, {@code a=fingerprint} per RFC 8122, {@code a=setup} per RFC 4145).
 * Mutable while a section is parsed; each one may be given once per section.
 */
final class TransportAttributes {
    String iceUfrag;
    String icePwd;
    Fingerprint fingerprint;
    Setup setup;

    /** Consumes the attribute if it is one of the four, returning false for any other attribute. */
    boolean accept(Attribute a, int line) throws SdpException {
        switch (a.name()) {
            case "ice-ufrag":
                checkOnce(iceUfrag, a, line);
                iceUfrag = iceValue(a, 4, line);
                return true;
            case "ice-pwd":
                checkOnce(icePwd, a, line);
                icePwd = iceValue(a, 22, line);
                return true;
            case "fingerprint":
                checkOnce(fingerprint, a, line);
                fingerprint = Fingerprint.parse(valueOf(a, line), line);
                return true;
            case "setup":
                checkOnce(setup, a, line);
                setup = Setup.fromSdp(valueOf(a, line), line);
                return true;
            default:
                return false;
        }
    }

    static String valueOf(Attribute a, int line) throws SdpException {
        if (a.value() == null) {
            throw new SdpException(line, "a=" + a.name() + " needs a value");
        }
        return a.value();
    }

    private static String iceValue(Attribute a, int minLength, int line) throws SdpException {
        String v = valueOf(a, line);
        if (!SdpSyntax.isIceString(v, minLength)) {
            throw new SdpException(line, "a=" + a.name() + " must be " + minLength + " to 256 ICE characters (RFC 8839)");
        }
        return v;
    }

    private static void checkOnce(Object previous, Attribute a, int line) throws SdpException {
        if (previous != null) {
            throw new SdpException(line, "a=" + a.name() + " given twice");
        }
    }
}
