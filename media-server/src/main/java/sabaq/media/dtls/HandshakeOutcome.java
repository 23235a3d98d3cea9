package sabaq.media.dtls;

import org.bouncycastle.tls.TlsFatalAlert;

/**
 * What the Bouncy Castle peer callbacks learned during one handshake: the first reason we refused the peer (so the
 * failure can be reported precisely rather than as a bare alert), the negotiated cipher's shortest valid record and
 * the exported SRTP keys. Written and read on the handshake thread.
 */
final class HandshakeOutcome {

    private DtlsFailure rejection;
    private String rejectionDetail;
    private SrtpKeyMaterial keys;
    private volatile int minimumProtectedRecordLength = DtlsParameters.AEAD_TAG_LENGTH;

    /** Records the reason (first one wins) and returns the fatal alert to throw at Bouncy Castle. */
    TlsFatalAlert reject(DtlsFailure reason, String detail, short alertDescription) {
        if (rejection == null) {
            rejection = reason;
            rejectionDetail = detail;
        }
        return new TlsFatalAlert(alertDescription, detail);
    }

    DtlsFailure rejection() {
        return rejection;
    }

    String rejectionDetail() {
        return rejectionDetail;
    }

    void keys(SrtpKeyMaterial exported) {
        keys = exported;
    }

    SrtpKeyMaterial keys() {
        return keys;
    }

    void cipherSuiteSelected(int cipherSuite) {
        minimumProtectedRecordLength = DtlsParameters.minimumProtectedRecordLength(cipherSuite);
    }

    /** Shortest record body the negotiated AEAD cipher can authenticate (before a suite is chosen: the tag). */
    int minimumProtectedRecordLength() {
        return minimumProtectedRecordLength;
    }
}
