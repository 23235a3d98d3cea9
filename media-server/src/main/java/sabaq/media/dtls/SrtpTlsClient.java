package sabaq.media.dtls;

import java.io.IOException;
import java.util.Hashtable;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * The Bouncy Castle client side of DTLS-SRTP, behaving like a browser with {@code a=setup:active} (RFC 5764,
 * RFC 5763): offers use_srtp with every allowed profile, presents its certificate, checks the server certificate
 * against the SDP fingerprint, insists on extended master secret and exports the SRTP keys at completion.
 */
final class SrtpTlsClient extends DefaultTlsClient {

    private final DtlsCertificate certificate;
    private final DtlsFingerprint expectedServerFingerprint;
    private final DtlsConfig config;
    private final HandshakeOutcome outcome;
    private final boolean presentCertificate;
    private final boolean offerExtendedMasterSecret;
    private SrtpProfile selectedProfile;

    /**
     * @param presentCertificate        false only in tests, to act as a broken peer that sends an empty chain
     * @param offerExtendedMasterSecret false only in tests, to act as a legacy peer without RFC 7627
     */
    SrtpTlsClient(DtlsCertificate certificate, DtlsFingerprint expectedServerFingerprint, DtlsConfig config,
                  HandshakeOutcome outcome, boolean presentCertificate, boolean offerExtendedMasterSecret) {
        super(certificate.crypto());
        this.certificate = certificate;
        this.expectedServerFingerprint = expectedServerFingerprint;
        this.config = config;
        this.outcome = outcome;
        this.presentCertificate = presentCertificate;
        this.offerExtendedMasterSecret = offerExtendedMasterSecret;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsParameters.CIPHER_SUITES);
    }

    @Override
    public void notifySelectedCipherSuite(int cipherSuite) {
        super.notifySelectedCipherSuite(cipherSuite);
        outcome.cipherSuiteSelected(cipherSuite);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return config.handshakeTimeoutMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return config.retransmitTimeoutMillis();
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return offerExtendedMasterSecret;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return offerExtendedMasterSecret;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(DtlsParameters.profileIds(config.profiles()), TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null) {
            throw outcome.reject(DtlsFailure.NO_SRTP_PROFILE, "the server sent no use_srtp extension",
                    AlertDescription.handshake_failure);
        }
        int[] ids = answer.getProtectionProfiles();
        SrtpProfile chosen = ids != null && ids.length == 1
                ? DtlsParameters.chooseProfile(config.profiles(), ids) : null;
        if (chosen == null) {
            throw outcome.reject(DtlsFailure.NO_SRTP_PROFILE, "the server answered SRTP profiles "
                    + DtlsParameters.describeIds(ids) + ", expected exactly one of " + config.profiles(),
                    AlertDescription.illegal_parameter);
        }
        selectedProfile = chosen;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                checkServerCertificate(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                if (!presentCertificate) {
                    return null;
                }
                return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), certificate.crypto(),
                        certificate.privateKey(), certificate.tlsCertificate(), DtlsParameters.ECDSA_SHA256);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        byte[] exported = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                selectedProfile.keyingMaterialLength());
        outcome.keys(SrtpKeyMaterial.fromExporter(selectedProfile, exported));
    }

    private void checkServerCertificate(Certificate serverCertificate) throws IOException {
        if (serverCertificate == null || serverCertificate.isEmpty()) {
            throw outcome.reject(DtlsFailure.NO_CERTIFICATE, "the server sent no certificate",
                    AlertDescription.handshake_failure);
        }
        byte[] der = serverCertificate.getCertificateAt(0).getEncoded();
        if (!expectedServerFingerprint.matches(der)) {
            throw outcome.reject(DtlsFailure.FINGERPRINT_MISMATCH,
                    "the server certificate (" + DtlsFingerprint.sha256Of(der).toSdpValue()
                            + ") does not match the SDP fingerprint " + expectedServerFingerprint.toSdpValue(),
                    AlertDescription.bad_certificate);
        }
    }
}
