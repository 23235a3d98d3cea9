package sabaq.signalling.auth;

/** Failed sign-ins of one account or address: how many in the current window, the last one, and the lock (epoch ms). */
public record ThrottleState(int failures, long lastFailure, long lockedUntil) {
    public static final ThrottleState CLEAR = new ThrottleState(0, 0, 0);
}
