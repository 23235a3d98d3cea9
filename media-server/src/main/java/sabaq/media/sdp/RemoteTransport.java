package sabaq.media.sdp;

import java.util.List;
import java.util.Objects;

/**
 * The browser's side of the bundled transport, taken from its offer: ICE credentials (RFC 8839) for checking STUN
 * {@code USERNAME}, the certificate fingerprint the DTLS layer must verify (RFC 8122, SHA-256 only), and its DTLS role
 * (RFC 4145/5763). With BUNDLE (RFC 9143) every bundled m-section shares one transport, so these must be identical in
 * all of them.
 *
 * @param setup {@code ACTPASS} or {@code ACTIVE}: the browser is the DTLS client either way
 */
public record RemoteTransport(String iceUfrag, String icePwd, Fingerprint fingerprint, Setup setup) {
    public RemoteTransport {
        Objects.requireNonNull(iceUfrag, "iceUfrag");
        Objects.requireNonNull(icePwd, "icePwd");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(setup, "setup");
    }

    /**
     * Reads the transport from the offer's bundled m-sections that have a non-zero port.
     *
     * @throws SdpException when there is no such m-section, a value is missing or differs between them, the fingerprint
     *                      is not SHA-256, or the offer's setup is {@code passive}/{@code holdconn} (the SFU is always
     *                      the DTLS server, so the browser must be able to act as client)
     */
    public static RemoteTransport fromOffer(SessionDescription offer) throws SdpException {
        RemoteTransport found = null;
        List<String> bundle = offer.bundleMids();
        for (MediaDescription m : offer.media()) {
            if (m.port() == 0 || m.mid().filter(bundle::contains).isEmpty()) {
                continue;
            }
            RemoteTransport t = of(m);
            if (found == null) {
                found = t;
            } else if (!found.sameAs(t)) {
                throw new SdpException(m.lineNumber(), "mid " + m.mid().get()
                        + " has different ICE credentials, fingerprint or setup than the rest of the BUNDLE group");
            }
        }
        if (found == null) {
            throw new SdpException("the offer has no bundled m-line with a non-zero port (a=group:BUNDLE is required)");
        }
        return found;
    }

    private static RemoteTransport of(MediaDescription m) throws SdpException {
        String mid = m.mid().orElse("?");
        String ufrag = m.iceUfrag().orElseThrow(() -> new SdpException(m.lineNumber(), "mid " + mid + ": no a=ice-ufrag"));
        String pwd = m.icePwd().orElseThrow(() -> new SdpException(m.lineNumber(), "mid " + mid + ": no a=ice-pwd"));
        Fingerprint fp = m.fingerprint().orElseThrow(() -> new SdpException(m.lineNumber(), "mid " + mid + ": no a=fingerprint"));
        if (!fp.algorithm().equals("sha-256")) {
            throw new SdpException(m.lineNumber(), "mid " + mid + ": fingerprint must be sha-256, not " + fp.algorithm());
        }
        Setup setup = m.setup().orElse(Setup.ACTIVE);
        if (setup == Setup.PASSIVE || setup == Setup.HOLDCONN) {
            throw new SdpException(m.lineNumber(), "mid " + mid + ": a=setup:" + setup.sdpName()
                    + " refused, the SFU is the DTLS server (we answer a=setup:passive)");
        }
        return new RemoteTransport(ufrag, pwd, fp, setup);
    }

    private boolean sameAs(RemoteTransport o) {
        return iceUfrag.equals(o.iceUfrag) && icePwd.equals(o.icePwd) && fingerprint.sameAs(o.fingerprint) && setup == o.setup;
    }
}
