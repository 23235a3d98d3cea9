package sabaq.recorder.webrtc;

import sabaq.media.stun.StunMessage;
import sabaq.media.stun.StunMessages;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The controlling side of ICE toward the ICE-lite SFU (RFC 8445 sections 7.2.4 and 8.1.1): Binding requests with
 * USERNAME {@code <sfu ufrag>:<our ufrag>}, PRIORITY, ICE-CONTROLLING and USE-CANDIDATE (aggressive nomination),
 * MESSAGE-INTEGRITY keyed with the SFU's password and FINGERPRINT (RFC 5389). The same requests serve as consent
 * checks afterwards (RFC 7675). A response counts only if its transaction id is ours and its integrity verifies.
 * Thread safe.
 */
final class IceChecks {
    static final long HOST_PRIORITY = 2122194687L;
    private static final int REMEMBERED = 64;

    private final String username;
    private final byte[] key;
    private final long tieBreaker;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> pending = new LinkedHashSet<>();
    private long successes;

    IceChecks(String sfuUfrag, String sfuPwd, String ourUfrag) {
        this.username = sfuUfrag + ":" + ourUfrag;
        this.key = sfuPwd.getBytes(StandardCharsets.UTF_8);
        this.tieBreaker = random.nextLong();
    }

    synchronized byte[] nextRequest() {
        byte[] tx = new byte[12];
        random.nextBytes(tx);
        if (pending.size() >= REMEMBERED) {
            Iterator<String> it = pending.iterator();
            it.next();
            it.remove();
        }
        pending.add(HexFormat.of().formatHex(tx));
        return StunMessages.bindingRequest(tx, username, key, HOST_PRIORITY, true, true, tieBreaker);
    }

    /** True when the datagram is a valid success response to one of our requests. */
    synchronized boolean isSuccess(byte[] buf, int len) {
        StunMessage m = StunMessage.parse(buf, 0, len);
        if (m == null || !pending.remove(HexFormat.of().formatHex(m.transactionId()))) return false;
        boolean ok = m.isBindingSuccess() && m.hasMessageIntegrity() && m.verifyMessageIntegrity(key)
                && (!m.hasFingerprint() || m.verifyFingerprint());
        if (ok) successes++;
        return ok;
    }

    synchronized long successes() {
        return successes;
    }
}
