package sabaq.media.srtp;

import java.security.GeneralSecurityException;

/**
 * Receive-side crypto contexts by SSRC, in two bounded LRU tiers: a context joins the main tier only after a packet
 * authenticated with it, so packets with forged SSRCs cannot evict real streams (and their replay windows and
 * rollover counters). Contexts that have not authenticated anything yet wait in a small probation tier, so a
 * repeated bad SSRC does not cost a key derivation per packet. Not thread safe.
 */
final class ReceiveContexts<C> {

    /** Derives the context for a new SSRC. */
    @FunctionalInterface
    interface Derivation<C> {
        C derive(int ssrc) throws GeneralSecurityException;
    }

    private final SsrcLruMap<C> confirmed;
    private final SsrcLruMap<C> probation;
    private final Derivation<C> derivation;
    private boolean lastLookupConfirmed;

    ReceiveContexts(int maxConfirmed, int maxProbation, Derivation<C> derivation) {
        this.confirmed = new SsrcLruMap<>(maxConfirmed);
        this.probation = new SsrcLruMap<>(maxProbation);
        this.derivation = derivation;
    }

    /** The context to try a packet with: confirmed, else on probation, else newly derived (and put on probation). */
    C lookup(int ssrc) throws GeneralSecurityException {
        C context = confirmed.get(ssrc);
        lastLookupConfirmed = context != null;
        if (lastLookupConfirmed) {
            return context;
        }
        context = probation.get(ssrc);
        if (context == null) {
            context = derivation.derive(ssrc);
            probation.put(ssrc, context);
        }
        return context;
    }

    /** The packet tried with the context of the last {@link #lookup} authenticated: promote it if on probation. */
    void authenticated(int ssrc, C context) {
        if (!lastLookupConfirmed) {
            lastLookupConfirmed = true;
            probation.remove(ssrc);
            confirmed.put(ssrc, context);
        }
    }

    int confirmedSize() {
        return confirmed.size();
    }

    void clear() {
        confirmed.clear();
        probation.clear();
    }
}
