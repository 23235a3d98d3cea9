package sabaq.signalling.audit;

/**
 * Who does something and from where: the account (null for the server itself or an unknown visitor), the role that
 * allowed it, the client address and user agent.
 */
public record Actor(java.util.UUID userId, String role, String ip, String userAgent) {
    /** The server itself (start-up tasks). */
    public static Actor system() {
        return new Actor(null, "system", null, null);
    }

    public Actor as(java.util.UUID user, String asRole) {
        return new Actor(user, asRole, ip, userAgent);
    }
}
