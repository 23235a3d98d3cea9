package sabaq.media.dtls;

import java.io.IOException;
import java.util.Hashtable;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * The Bouncy Castle server side of DTLS-SRTP (RFC 5764, RFC 5763): DTLS 1.2 only, ECDHE-ECDSA AEAD suites, a mandatory
 * client certificate checked against the SDP fingerprint, extended master secret required (RFC 7627), exactly one
 * use_srtp profile echoed from the client's offer, and the SRTP keys exported at completion.
 */
final class SrtpTlsServer extends DefaultTlsServer {

    private final DtlsCertificate certificate;
    private final DtlsFingerprint expectedClientFingerprint;
    private final DtlsConfig config;
    private final HandshakeOutcome outcome;
    private SrtpProfile selectedProfile;

    SrtpTlsServer(DtlsCertificate certificate, DtlsFingerprint expectedClientFingerprint, DtlsConfig config,
                  HandshakeOutcome outcome) {
        super(certificate.crypto());
        this.certificate = certificate;
        this.expectedClientFingerprint = expectedClientFingerprint;
        this.config = config;
        this.outcome = outcome;
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
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    public int getSelectedCipherSuite() throws IOException {
        int cipherSuite = super.getSelectedCipherSuite();
        outcome.cipherSuiteSelected(cipherSuite);
        return cipherSuite;
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
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        if (clientExtensions == null || !TlsExtensionsUtils.hasExtendedMasterSecretExtension(clientExtensions)) {
            throw outcome.reject(DtlsFailure.NO_EXTENDED_MASTER_SECRET,
                    "the client did not offer extended_master_secret (RFC 7627)", AlertDescription.handshake_failure);
        }
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw outcome.reject(DtlsFailure.NO_SRTP_PROFILE, "the client sent no use_srtp extension",
                    AlertDescription.handshake_failure);
        }
        selectedProfile = DtlsParameters.chooseProfile(config.profiles(), offered.getProtectionProfiles());
        if (selectedProfile == null) {
            throw outcome.reject(DtlsFailure.NO_SRTP_PROFILE,
                    "the client offered SRTP profiles " + DtlsParameters.describeIds(offered.getProtectionProfiles())
                            + ", we allow " + config.profiles(), AlertDescription.handshake_failure);
        }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {selectedProfile.protectionProfileId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), certificate.crypto(),
                certificate.privateKey(), certificate.tlsCertificate(), DtlsParameters.ECDSA_SHA256);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            throw outcome.reject(DtlsFailure.NO_CERTIFICATE, "the client sent no certificate",
                    AlertDescription.handshake_failure);
        }
        byte[] der = clientCertificate.getCertificateAt(0).getEncoded();
        if (!expectedClientFingerprint.matches(der)) {
            throw outcome.reject(DtlsFailure.FINGERPRINT_MISMATCH,
                    "the client certificate (" + DtlsFingerprint.sha256Of(der).toSdpValue()
                            + ") does not match the SDP fingerprint " + expectedClientFingerprint.toSdpValue(),
                    AlertDescription.bad_certificate);
        }
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        byte[] exported = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                selectedProfile.keyingMaterialLength());
        outcome.keys(SrtpKeyMaterial.fromExporter(selectedProfile, exported));
    }
}
