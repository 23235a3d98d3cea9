package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.AccountRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** In-memory {@link AccountRepository} for unit tests. */
final class MemoryAccounts implements AccountRepository {
    private final Map<UUID, Account> byId = new HashMap<>();
    private final Map<String, UUID> logins = new HashMap<>();
    private final Map<UUID, Long> steps = new HashMap<>();

    @Override
    public synchronized Future<Boolean> create(Account a) {
        if (logins.containsKey(a.login())) return Future.succeededFuture(false);
        logins.put(a.login(), a.id());
        byId.put(a.id(), a);
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Account> byId(UUID id) {
        return Future.succeededFuture(byId.get(id));
    }

    @Override
    public synchronized Future<Account> byLogin(String login) {
        UUID id = logins.get(login);
        return Future.succeededFuture(id == null ? null : byId.get(id));
    }

    @Override
    public synchronized Future<Account> byOidc(String issuer, String subject) {
        for (Account a : byId.values()) {
            if (issuer.equals(a.oidcIssuer()) && subject.equals(a.oidcSubject())) return Future.succeededFuture(a);
        }
        return Future.succeededFuture(null);
    }

    @Override
    public synchronized Future<List<Account>> byEmail(UUID orgId, String email) {
        List<Account> out = new ArrayList<>();
        for (Account a : byId.values()) if (a.orgId().equals(orgId) && email.equals(a.email())) out.add(a);
        return Future.succeededFuture(out);
    }

    @Override
    public synchronized Future<List<Account>> inOrg(UUID orgId) {
        List<Account> out = new ArrayList<>();
        for (Account a : byId.values()) if (a.orgId().equals(orgId)) out.add(a);
        return Future.succeededFuture(out);
    }

    @Override
    public synchronized Future<Boolean> update(Account before, Account after) {
        if (!before.login().equals(after.login())) {
            if (logins.containsKey(after.login())) return Future.succeededFuture(false);
            logins.remove(before.login());
            logins.put(after.login(), after.id());
        }
        byId.put(after.id(), after);
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Void> delete(Account a) {
        byId.remove(a.id());
        logins.remove(a.login(), a.id());
        steps.remove(a.id());
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> acceptTotpStep(UUID userId, long step) {
        Long last = steps.get(userId);
        if (last != null && last >= step) return Future.succeededFuture(false);
        steps.put(userId, step);
        return Future.succeededFuture(true);
    }
}
