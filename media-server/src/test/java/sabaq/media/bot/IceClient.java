package sabaq.media.bot;

import sabaq.media.stun.StunMessage;
import sabaq.media.stun.StunMessages;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The controlling side of ICE toward an ICE-lite SFU (RFC 8445 sections 7.2.4 and 8.1.1), as a browser does it:
 * Binding requests with USERNAME {@code <sfu ufrag>:<our ufrag>}, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE
 * (aggressive nomination), MESSAGE-INTEGRITY keyed with the SFU's ice-pwd and FINGERPRINT (RFC 5389). A success
 * response counts only if its transaction id is one we sent and its MESSAGE-INTEGRITY verifies with the same key.
 * Thread safe.
 */
final class IceClient {
    /** Priority of a host candidate as Chrome computes it. */
    static final long HOST_PRIORITY = 2122194687L;
    private static final int REMEMBERED_TRANSACTIONS = 64;

    enum Outcome { SUCCESS, ERROR, IGNORED }

    private final String username;
    private final byte[] key;
    private final long tieBreaker;
    private final SplittableRandom random;
    private final Set<String> pending = new LinkedHashSet<>();
    private long requestsSent;
    private long successes;
    private long errors;
    private int lastErrorCode;

    IceClient(String sfuUfrag, String sfuPwd, String ourUfrag, SplittableRandom random) {
        this.username = sfuUfrag + ":" + ourUfrag;
        this.key = sfuPwd.getBytes(StandardCharsets.UTF_8);
        this.random = random;
        this.tieBreaker = random.nextLong();
    }

    /** A new Binding request (fresh transaction id), remembered to match its response. */
    synchronized byte[] nextRequest(boolean useCandidate) {
        byte[] tx = new byte[12];
        random.nextBytes(tx);
        if (pending.size() >= REMEMBERED_TRANSACTIONS) {
            Iterator<String> it = pending.iterator();
            it.next();
            it.remove();
        }
        pending.add(HexFormat.of().formatHex(tx));
        requestsSent++;
        return StunMessages.bindingRequest(tx, username, key, HOST_PRIORITY, useCandidate, true, tieBreaker);
    }

    /** Classifies a STUN datagram from the SFU. */
    synchronized Outcome onDatagram(byte[] buf, int len) {
        StunMessage m = StunMessage.parse(buf, 0, len);
        if (m == null) return Outcome.IGNORED;
        if (!pending.remove(HexFormat.of().formatHex(m.transactionId()))) return Outcome.IGNORED;
        if (m.isBindingError()) {
            errors++;
            lastErrorCode = m.errorCode();
            return Outcome.ERROR;
        }
        if (m.isBindingSuccess() && m.hasMessageIntegrity() && m.verifyMessageIntegrity(key)
                && (!m.hasFingerprint() || m.verifyFingerprint())) {
            successes++;
            return Outcome.SUCCESS;
        }
        return Outcome.IGNORED;
    }

    synchronized long requestsSent() {
        return requestsSent;
    }

    synchronized long successes() {
        return successes;
    }

    synchronized long errors() {
        return errors;
    }

    synchronized int lastErrorCode() {
        return lastErrorCode;
    }
}
