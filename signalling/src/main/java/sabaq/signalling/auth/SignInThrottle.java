package sabaq.signalling.auth;

import io.vertx.core.Future;
import sabaq.common.time.TimeSource;

import java.util.Objects;
import java.util.UUID;

/** {@link ThrottlePolicy} over the stored failure counters of accounts ({@code account:<id>}) and addresses. */
public final class SignInThrottle {
    private final ThrottleRepository store;
    private final ThrottlePolicy policy;
    private final TimeSource time;

    public SignInThrottle(ThrottleRepository store, ThrottlePolicy policy, TimeSource time) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.time = Objects.requireNonNull(time, "time");
    }

    static String accountKey(UUID userId) {
        return "account:" + userId;
    }

    static String addressKey(String ip) {
        return "ip:" + ip;
    }

    /** Until when (epoch ms) the address is locked; 0 when it is not. */
    public Future<Long> addressLockedUntil(String ip) {
        return lockedUntil(addressKey(ip));
    }

    /** Until when (epoch ms) the account is locked; 0 when it is not. */
    public Future<Long> accountLockedUntil(UUID userId) {
        return lockedUntil(accountKey(userId));
    }

    private Future<Long> lockedUntil(String key) {
        long now = time.epochMillis();
        return store.get(key).map(s -> s.lockedUntil() > now ? s.lockedUntil() : 0L);
    }

    /** Counts a failure against the address and, when known, the account. */
    public Future<Void> failure(UUID userId, String ip) {
        Future<Void> address = count(addressKey(ip), policy.addressFailures());
        Future<Void> account = userId == null ? Future.succeededFuture() : count(accountKey(userId), policy.accountFailures());
        return Future.all(address, account).mapEmpty();
    }

    public Future<Void> success(UUID userId) {
        return store.clear(accountKey(userId));
    }

    private Future<Void> count(String key, int threshold) {
        return store.get(key).compose(s -> store.put(key, policy.afterFailure(s, time.epochMillis(), threshold),
                policy.retention()));
    }
}
