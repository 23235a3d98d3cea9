package sabaq.signalling.session;

import org.slf4j.Logger;

import java.security.SecureRandom;

/**
 * Server faults: each gets a random incident id that is logged with the stack trace and sent to the client in the
 * {@code INTERNAL} error message, so a user's report can be matched with the log.
 */
public final class Incidents {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {
    }

    /** Logs the fault and returns the text for the client, {@code "internal error (incident 1a2b3c4d)"}. */
    public static String report(Logger log, String what, Throwable fault) {
        String id = String.format("%08x", RANDOM.nextInt());
        log.error("incident {}: {}", id, what, fault);
        return "internal error (incident " + id + ")";
    }
}
