package sabaq.media.ice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.media.stun.StunMessage;
import sabaq.media.stun.StunMessages;
import sabaq.media.transport.DatagramOut;
import sabaq.media.transport.MediaCounters;
import sabaq.media.transport.MediaCounters.Counter;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * ICE-lite (RFC 8445 §2.5): we never send checks; we answer the browser's Binding requests on the shared socket.
 * A request is valid when its USERNAME is {@code <our ufrag>:<their ufrag>} of a known session, its
 * MESSAGE-INTEGRITY verifies with our password and its FINGERPRINT (when present) is right. The source address of
 * a valid request becomes a candidate address of the session; the browser (controlling) nominates with USE-CANDIDATE.
 * Event loop only.
 */
public final class IceLiteResponder {
    private static final Logger LOG = LoggerFactory.getLogger(IceLiteResponder.class);

    /** A session that answers to one local ufrag. */
    public interface Session {
        IceCredentials localCredentials();

        /** Remote ufrag from the offer, or null if not known yet. */
        String remoteUfrag();

        /** Called for every valid request, before the response is sent; {@code path} reaches the browser back. */
        void onValidBindingRequest(InetSocketAddress from, boolean useCandidate, DatagramOut path);
    }

    private final Map<String, Session> sessionsByUfrag = new HashMap<>();
    private final MediaCounters counters;

    public IceLiteResponder(MediaCounters counters) {
        this.counters = counters;
    }

    public void register(Session s) {
        sessionsByUfrag.put(s.localCredentials().ufrag(), s);
    }

    private static void reply(DatagramOut path, byte[] data, InetSocketAddress to) {
        path.send(data, 0, data.length, to);
    }

    public void unregister(Session s) {
        sessionsByUfrag.remove(s.localCredentials().ufrag(), s);
    }

    public int sessionCount() {
        return sessionsByUfrag.size();
    }

    /** Handles one datagram whose first byte says STUN, which came over {@code path}. Never throws. */
    public void onStun(byte[] buf, int off, int len, InetSocketAddress from, DatagramOut path) {
        StunMessage msg = StunMessage.parse(buf, off, len);
        if (msg == null) {
            counters.increment(Counter.DROP_STUN_MALFORMED);
            return;
        }
        if (!msg.isBindingRequest()) {
            // Indications (keepalives) and responses need no answer from an ICE-lite agent.
            return;
        }
        String username = msg.username();
        int colon = username == null ? -1 : username.indexOf(':');
        if (colon <= 0) {
            counters.increment(Counter.DROP_STUN_MALFORMED);
            reply(path, StunMessages.bindingError(msg.transactionId(), 400, "Bad Request", null), from);
            return;
        }
        Session session = sessionsByUfrag.get(username.substring(0, colon));
        if (session == null) {
            counters.increment(Counter.DROP_STUN_UNKNOWN_USER);
            reply(path, StunMessages.bindingError(msg.transactionId(), 401, "Unauthorized", null), from);
            return;
        }
        if (msg.hasFingerprint() && !msg.verifyFingerprint()) {
            counters.increment(Counter.DROP_STUN_BAD_FINGERPRINT);
            return;
        }
        byte[] key = session.localCredentials().integrityKey();
        if (!msg.hasMessageIntegrity() || !msg.verifyMessageIntegrity(key)) {
            counters.increment(Counter.DROP_STUN_BAD_INTEGRITY);
            LOG.debug("STUN from {} for {} failed MESSAGE-INTEGRITY", from, username);
            reply(path, StunMessages.bindingError(msg.transactionId(), 401, "Unauthorized", null), from);
            return;
        }
        String remote = session.remoteUfrag();
        if (remote != null && !remote.equals(username.substring(colon + 1))) {
            // A request from a previous ICE generation or another browser: authenticated but not for this session.
            counters.increment(Counter.DROP_STUN_UNKNOWN_USER);
            reply(path, StunMessages.bindingError(msg.transactionId(), 401, "Unauthorized", key), from);
            return;
        }
        session.onValidBindingRequest(from, msg.useCandidate(), path);
        reply(path, StunMessages.bindingSuccess(msg.transactionId(), from, key), from);
    }
}
