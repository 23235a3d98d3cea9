package sabaq.media.srtp;

import java.util.logging.Level;

import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time setup of jitsi-srtp, done before its first use.
 * <ul>
 *   <li>Pins the AES implementation. Left alone, {@link Aes} benchmarks OpenSSL, SunJCE and Bouncy Castle on first
 *       use and keeps the fastest, a choice that flip-flops between runs and can land on the slow pure-Java Bouncy
 *       Castle. We take OpenSSL through jitsi-srtp's JNI library when it loaded, else SunJCE (AES-NI intrinsics).</li>
 *   <li>Creates one cipher of each AES mode our profiles use (CTR for the key derivation and AES-CM, GCM). The first
 *       cipher jitsi-srtp creates in a JVM instantiates all its cipher factories, Bouncy Castle's provider included,
 *       which takes 0.6 to 0.8 s here; done lazily, that happens on the media thread when the first peer connects
 *       and stalls every stream of the server.</li>
 *   <li>Quiets jitsi's java.util.logging output (library load and AES choice at INFO) to warnings, unless the
 *       application configured the {@code org.jitsi} logger itself. The choice is logged once here instead.</li>
 * </ul>
 */
final class JitsiSrtpSetup {

    static final String OPENSSL_FACTORY = "org.jitsi.srtp.crypto.Aes$OpenSSLCipherFactory";
    static final String SUN_JCE_FACTORY = "org.jitsi.srtp.crypto.Aes$SunJCECipherFactory";

    /** The AES modes the SRTP profiles we negotiate use (see {@code SrtpTransformer}). */
    private static final String[] WARM_UP = {"AES/CTR/NoPadding", "AES/GCM/NoPadding"};
    private static final Logger LOG = LoggerFactory.getLogger(JitsiSrtpSetup.class);
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger JITSI_JUL = java.util.logging.Logger.getLogger("org.jitsi");
    private static final String AES = setUp();

    private JitsiSrtpSetup() {
    }

    /** "OpenSSL" or "SunJCE"; the first call performs the setup. */
    static String aesImplementation() {
        return AES;
    }

    private static String setUp() {
        if (JITSI_JUL.getLevel() == null) {
            JITSI_JUL.setLevel(Level.WARNING);
        }
        boolean openSsl;
        try {
            openSsl = JitsiOpenSslProvider.isLoaded();
        } catch (LinkageError e) {
            openSsl = false;
        }
        Aes.setFactoryClassName(openSsl ? OPENSSL_FACTORY : SUN_JCE_FACTORY);
        for (String transformation : WARM_UP) {
            try {
                Aes.createCipher(transformation);
            } catch (RuntimeException e) {
                LOG.warn("jitsi-srtp cannot create {}: {}", transformation, e.toString());
            }
        }
        if (openSsl) {
            LOG.info("SRTP uses AES from OpenSSL (jitsi-srtp native library)");
        } else {
            LOG.info("SRTP uses AES from SunJCE: the jitsi-srtp native library did not load");
        }
        return openSsl ? "OpenSSL" : "SunJCE";
    }
}
