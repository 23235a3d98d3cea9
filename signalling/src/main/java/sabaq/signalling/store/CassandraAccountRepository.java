package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Future;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.AccountRepository;
import sabaq.signalling.account.AccountStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Accounts in Cassandra: the {@code accounts} row plus the lookup tables by organisation, login (unique through a
 * lightweight transaction), e-mail and OpenID Connect identity, and {@code totp_steps} for replay protection.
 */
final class CassandraAccountRepository implements AccountRepository {
    private static final String COLUMNS = "user_id, org_id, login, display_name, email, birth_date, status, password_hash,"
            + " must_change_password, totp_secret, totp_pending, mfa_waived_by, oidc_issuer, oidc_subject, created_at,"
            + " updated_at";

    private final CassandraStore store;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;
    private final PreparedStatement claimLogin;
    private final PreparedStatement loginOwner;
    private final PreparedStatement releaseLogin;
    private final PreparedStatement addToOrg;
    private final PreparedStatement inOrg;
    private final PreparedStatement removeFromOrg;
    private final PreparedStatement addEmail;
    private final PreparedStatement byEmail;
    private final PreparedStatement removeEmail;
    private final PreparedStatement addOidc;
    private final PreparedStatement byOidc;
    private final PreparedStatement removeOidc;
    private final PreparedStatement firstStep;
    private final PreparedStatement nextStep;
    private final PreparedStatement removeSteps;

    /** Prepares the statements: blocking, at start-up only. */
    CassandraAccountRepository(CassandraStore store) {
        this.store = store;
        insert = store.prepare("INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        select = store.prepare("SELECT " + COLUMNS + " FROM accounts WHERE user_id = ?");
        delete = store.prepare("DELETE FROM accounts WHERE user_id = ?");
        claimLogin = store.prepare("INSERT INTO accounts_by_login (login, user_id) VALUES (?, ?) IF NOT EXISTS");
        loginOwner = store.prepare("SELECT user_id FROM accounts_by_login WHERE login = ?");
        releaseLogin = store.prepare("DELETE FROM accounts_by_login WHERE login = ? IF user_id = ?");
        addToOrg = store.prepare("INSERT INTO accounts_by_org (org_id, user_id) VALUES (?, ?)");
        inOrg = store.prepare("SELECT user_id FROM accounts_by_org WHERE org_id = ?");
        removeFromOrg = store.prepare("DELETE FROM accounts_by_org WHERE org_id = ? AND user_id = ?");
        addEmail = store.prepare("INSERT INTO accounts_by_email (org_id, email, user_id) VALUES (?, ?, ?)");
        byEmail = store.prepare("SELECT user_id FROM accounts_by_email WHERE org_id = ? AND email = ?");
        removeEmail = store.prepare("DELETE FROM accounts_by_email WHERE org_id = ? AND email = ? AND user_id = ?");
        addOidc = store.prepare("INSERT INTO accounts_by_oidc (issuer, subject, user_id) VALUES (?, ?, ?)");
        byOidc = store.prepare("SELECT user_id FROM accounts_by_oidc WHERE issuer = ? AND subject = ?");
        removeOidc = store.prepare("DELETE FROM accounts_by_oidc WHERE issuer = ? AND subject = ?");
        firstStep = store.prepare("INSERT INTO totp_steps (user_id, last_step) VALUES (?, ?) IF NOT EXISTS");
        nextStep = store.prepare("UPDATE totp_steps SET last_step = ? WHERE user_id = ? IF last_step < ?");
        removeSteps = store.prepare("DELETE FROM totp_steps WHERE user_id = ?");
    }

    @Override
    public Future<Boolean> create(Account a) {
        return store.applied(claimLogin.bind(a.login(), a.id())).compose(claimed -> {
            if (!claimed) return Future.succeededFuture(false);
            List<BoundStatement> writes = new ArrayList<>();
            writes.add(bindInsert(a));
            writes.add(addToOrg.bind(a.orgId(), a.id()));
            if (a.email() != null) writes.add(addEmail.bind(a.orgId(), a.email(), a.id()));
            if (a.oidcIssuer() != null) writes.add(addOidc.bind(a.oidcIssuer(), a.oidcSubject(), a.id()));
            return store.executeAll(writes).map(true);
        });
    }

    @Override
    public Future<Account> byId(UUID id) {
        return store.one(select.bind(id)).map(CassandraAccountRepository::account);
    }

    @Override
    public Future<Account> byLogin(String login) {
        return store.one(loginOwner.bind(login)).compose(row -> row == null ? Future.succeededFuture(null)
                : byId(row.getUuid("user_id")).map(a -> a != null && a.login().equals(login) ? a : null));
    }

    @Override
    public Future<Account> byOidc(String issuer, String subject) {
        return store.one(byOidc.bind(issuer, subject)).compose(row -> row == null ? Future.succeededFuture(null)
                : byId(row.getUuid("user_id")).map(a -> a != null && issuer.equals(a.oidcIssuer())
                        && subject.equals(a.oidcSubject()) ? a : null));
    }

    @Override
    public Future<List<Account>> byEmail(UUID orgId, String email) {
        return store.all(byEmail.bind(orgId, email)).compose(this::load)
                .map(list -> list.stream().filter(a -> email.equals(a.email())).toList());
    }

    @Override
    public Future<List<Account>> inOrg(UUID orgId) {
        return store.all(inOrg.bind(orgId)).compose(this::load);
    }

    private Future<List<Account>> load(List<Row> idRows) {
        List<Future<Account>> loads = new ArrayList<>();
        for (Row r : idRows) loads.add(byId(r.getUuid("user_id")));
        return Future.all(loads).map(cf -> {
            List<Account> out = new ArrayList<>();
            for (int i = 0; i < cf.size(); i++) {
                Account a = cf.resultAt(i);
                if (a != null) out.add(a);
            }
            return out;
        });
    }

    @Override
    public Future<Boolean> update(Account before, Account after) {
        if (!before.id().equals(after.id())) throw new IllegalArgumentException("not the same account");
        Future<Boolean> login = before.login().equals(after.login()) ? Future.succeededFuture(true)
                : store.applied(claimLogin.bind(after.login(), after.id()));
        return login.compose(ok -> {
            if (!ok) return Future.succeededFuture(false);
            List<BoundStatement> writes = new ArrayList<>();
            writes.add(bindInsert(after));
            if (!before.login().equals(after.login())) writes.add(releaseLogin.bind(before.login(), before.id()));
            if (!Objects.equals(before.email(), after.email())) {
                if (before.email() != null) writes.add(removeEmail.bind(before.orgId(), before.email(), before.id()));
                if (after.email() != null) writes.add(addEmail.bind(after.orgId(), after.email(), after.id()));
            }
            if (!Objects.equals(before.oidcIssuer(), after.oidcIssuer()) || !Objects.equals(before.oidcSubject(), after.oidcSubject())) {
                if (before.oidcIssuer() != null) writes.add(removeOidc.bind(before.oidcIssuer(), before.oidcSubject()));
                if (after.oidcIssuer() != null) writes.add(addOidc.bind(after.oidcIssuer(), after.oidcSubject(), after.id()));
            }
            return store.executeAll(writes).map(true);
        });
    }

    @Override
    public Future<Void> delete(Account a) {
        List<BoundStatement> writes = new ArrayList<>();
        writes.add(delete.bind(a.id()));
        writes.add(releaseLogin.bind(a.login(), a.id()));
        writes.add(removeFromOrg.bind(a.orgId(), a.id()));
        writes.add(removeSteps.bind(a.id()));
        if (a.email() != null) writes.add(removeEmail.bind(a.orgId(), a.email(), a.id()));
        if (a.oidcIssuer() != null) writes.add(removeOidc.bind(a.oidcIssuer(), a.oidcSubject()));
        return store.executeAll(writes);
    }

    @Override
    public Future<Boolean> acceptTotpStep(UUID userId, long step) {
        return store.applied(firstStep.bind(userId, step)).compose(first -> first ? Future.succeededFuture(true)
                : store.applied(nextStep.bind(step, userId, step)));
    }

    private BoundStatement bindInsert(Account a) {
        return insert.bind(a.id(), a.orgId(), a.login(), a.displayName(), a.email(), a.birthDate(), a.status().wireName(),
                a.passwordHash(), a.mustChangePassword(), Rows.buffer(a.totpSecret()), Rows.buffer(a.totpPending()),
                a.mfaWaivedBy(), a.oidcIssuer(), a.oidcSubject(), Rows.instant(a.createdAt()), Rows.instant(a.updatedAt()));
    }

    private static Account account(Row r) {
        if (r == null) return null;
        return new Account(r.getUuid("user_id"), r.getUuid("org_id"), r.getString("login"), r.getString("display_name"),
                r.getString("email"), r.getLocalDate("birth_date"),
                AccountStatus.fromWire(r.getString("status")).orElse(AccountStatus.DISABLED), r.getString("password_hash"),
                r.getBoolean("must_change_password"), Rows.bytes(r, "totp_secret"), Rows.bytes(r, "totp_pending"),
                r.getUuid("mfa_waived_by"), r.getString("oidc_issuer"), r.getString("oidc_subject"),
                Rows.millis(r, "created_at"), Rows.millis(r, "updated_at"));
    }
}
