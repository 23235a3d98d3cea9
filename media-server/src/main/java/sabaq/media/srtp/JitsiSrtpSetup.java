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
 *   <li>Quiets jitsi's java.util.logging output (library load and AES choice at INFO) to warnings, unless the
 *       application configured the {@code org.jitsi} logger itself. The choice is logged once here instead.</li>
 * </ul>
 */
final class JitsiSrtpSetup {

    static final String OPENSSL_FACTORY = "org.jitsi.srtp.crypto.Aes$OpenSSLCipherFactory";
    static final String SUN_JCE_FACTORY = "org.jitsi.srtp.crypto.Aes$SunJCECipherFactory";

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
        if (openSsl) {
            LOG.info("SRTP uses AES from OpenSSL (jitsi-srtp native library)");
        } else {
            LOG.info("SRTP uses AES from SunJCE: the jitsi-srtp native library did not load");
        }
        return openSsl ? "OpenSSL" : "SunJCE";
    }
}
