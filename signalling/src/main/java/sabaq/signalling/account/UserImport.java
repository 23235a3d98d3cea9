package sabaq.signalling.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.auth.Ages;
import sabaq.signalling.auth.Passwords;
import sabaq.signalling.csv.CsvParser;
import sabaq.signalling.csv.CsvRecord;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Importing accounts from CSV (docs/security.md, "CSV import"). The header names the columns: {@code login} and
 * {@code name} are required; {@code email}, {@code birth_date} (YYYY-MM-DD), {@code roles} (role names separated by
 * {@code ;}), {@code group} (the name of a group of the organisation, for those roles), {@code parent_login} (an
 * existing parent or a row of this file with the parent role) and {@code password} (initial; generated when empty) are
 * optional. Every row is checked first; with any problem nothing is imported (422 {@code IMPORT_INVALID} with every
 * problem and its row), unless {@code partial} asks to import the valid rows. Imported accounts must change their
 * password at the first sign-in.
 */
public final class UserImport {
    static final Set<String> COLUMNS = Set.of("login", "name", "email", "birth_date", "roles", "group", "parent_login", "password");
    private static final int MAX_FIELD = 1000;
    private static final int HASH_BATCH = 4;

    private final Repositories repos;
    private final AccountService accounts;
    private final RoleService roles;
    private final Passwords passwords;
    private final Auditor auditor;
    private final TimeSource time;
    private final int maxRows;

    public UserImport(Repositories repos, AccountService accounts, RoleService roles, Passwords passwords, Auditor auditor,
                      TimeSource time, int maxRows) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.time = Objects.requireNonNull(time, "time");
        this.maxRows = maxRows;
    }

    /** Checks and imports the file; the answer lists imported accounts (with generated passwords) and problems. */
    public Future<JsonObject> run(Actor actor, UUID orgId, byte[] csv, boolean partial) {
        CsvParser.Result parsed = new CsvParser(maxRows + 1, MAX_FIELD).parse(csv);
        if (!parsed.ok()) return invalid(List.of(new ImportProblem(parsed.errorLine(), null, parsed.error())));
        if (parsed.records().isEmpty()) return invalid(List.of(new ImportProblem(1, null, "the file is empty")));
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = header(parsed.records().get(0), problems);
        if (!problems.isEmpty()) return invalid(problems);
        return Future.all(repos.directory().groups(orgId), existingLogins(parsed.records(), columns)).compose(cf -> {
            Map<String, Group> groups = new HashMap<>();
            for (Group g : cf.<List<Group>>resultAt(0)) groups.put(g.name().toLowerCase(Locale.ROOT), g);
            Map<String, Account> existing = cf.resultAt(1);
            return parents(orgId, existing).compose(existingParents -> {
                List<ImportRow> valid = validate(parsed.records(), columns, groups, existing, existingParents, problems);
                if (!problems.isEmpty() && !partial) return invalid(problems);
                return importRows(actor, orgId, valid, groups, existing).compose(done -> auditor.record(actor, orgId,
                        "users.import", "organisation", orgId.toString(), null, List.of(
                                FieldChange.of("rows", null, parsed.records().size() - 1),
                                FieldChange.of("imported", null, done.size()),
                                FieldChange.of("problems", null, problems.size())))
                        .map(v -> answer(done, problems)));
            });
        });
    }

    private static Future<JsonObject> invalid(List<ImportProblem> problems) {
        JsonArray errors = new JsonArray();
        problems.forEach(p -> errors.add(p.toJson()));
        return Future.failedFuture(new ApiException(422, "IMPORT_INVALID", problems.size() + " problem(s); nothing was imported",
                new JsonObject().put("errors", errors)));
    }

    private static JsonObject answer(List<JsonObject> done, List<ImportProblem> problems) {
        JsonArray errors = new JsonArray();
        problems.forEach(p -> errors.add(p.toJson()));
        return new JsonObject().put("imported", done.size()).put("accounts", new JsonArray(done)).put("errors", errors);
    }

    private static Map<String, Integer> header(CsvRecord header, List<ImportProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(new ImportProblem(1, name, "unknown column; known: " + String.join(", ", COLUMNS.stream().sorted().toList())));
            } else if (columns.put(name, i) != null) {
                problems.add(new ImportProblem(1, name, "column given twice"));
            }
        }
        for (String required : List.of("login", "name")) {
            if (!columns.containsKey(required)) problems.add(new ImportProblem(1, required, "required column missing"));
        }
        return columns;
    }

    /** Accounts that already have a login used in the file (login or parent_login column), by login. */
    private Future<Map<String, Account>> existingLogins(List<CsvRecord> records, Map<String, Integer> columns) {
        Set<String> logins = new HashSet<>();
        for (CsvRecord r : records.subList(1, records.size())) {
            for (String c : List.of("login", "parent_login")) {
                String v = cell(r, columns, c);
                if (v != null) logins.add(v.toLowerCase(Locale.ROOT));
            }
        }
        List<String> list = new ArrayList<>(logins);
        List<Future<Account>> lookups = new ArrayList<>();
        for (String l : list) lookups.add(repos.accounts().byLogin(l));
        return Future.all(lookups).map(cf -> {
            Map<String, Account> out = new HashMap<>();
            for (int i = 0; i < list.size(); i++) if (cf.resultAt(i) != null) out.put(list.get(i), cf.resultAt(i));
            return out;
        });
    }

    /** Which existing accounts of the organisation hold the parent role. */
    private Future<Set<String>> parents(UUID orgId, Map<String, Account> existing) {
        List<Account> inOrg = existing.values().stream().filter(a -> a.orgId().equals(orgId)).toList();
        List<Future<List<RoleAssignment>>> loads = new ArrayList<>();
        for (Account a : inOrg) loads.add(repos.roles().assignments(a.id()));
        return Future.all(loads).map(cf -> {
            Set<String> out = new HashSet<>();
            for (int i = 0; i < inOrg.size(); i++) {
                for (RoleAssignment r : cf.<List<RoleAssignment>>resultAt(i)) {
                    if (r.role() == AccountRole.PARENT && r.orgId().equals(orgId)) out.add(inOrg.get(i).login());
                }
            }
            return out;
        });
    }

    private List<ImportRow> validate(List<CsvRecord> records, Map<String, Integer> columns, Map<String, Group> groups,
                                     Map<String, Account> existing, Set<String> existingParents, List<ImportProblem> problems) {
        LocalDate today = Ages.today(time.epochMillis());
        Map<String, Integer> loginRows = new HashMap<>();
        Set<String> fileParents = new HashSet<>();
        List<ImportRow> rows = new ArrayList<>();
        for (CsvRecord r : records.subList(1, records.size())) {
            int before = problems.size();
            if (r.fields().size() != records.get(0).fields().size()) {
                problems.add(new ImportProblem(r.line(), null, "has " + r.fields().size() + " fields, the header "
                        + records.get(0).fields().size()));
                continue;
            }
            String login = check(problems, r, "login", () -> AccountFields.login(cell(r, columns, "login")));
            if (login != null) {
                Integer first = loginRows.putIfAbsent(login, r.line());
                if (first != null) problems.add(new ImportProblem(r.line(), "login", "same login as row " + first));
                else if (existing.containsKey(login)) problems.add(new ImportProblem(r.line(), "login", "this login is taken"));
            }
            String name = check(problems, r, "name", () -> AccountFields.displayName(cell(r, columns, "name")));
            String email = check(problems, r, "email", () -> AccountFields.email(cell(r, columns, "email")));
            LocalDate birth = check(problems, r, "birth_date", () -> AccountFields.birthDate(cell(r, columns, "birth_date"), today));
            List<AccountRole> roleList = check(problems, r, "roles", () -> roles(cell(r, columns, "roles")));
            String group = cell(r, columns, "group");
            if (group != null && !groups.containsKey(group.toLowerCase(Locale.ROOT))) {
                problems.add(new ImportProblem(r.line(), "group", "no group named " + group + " in this organisation"));
            }
            String parent = cell(r, columns, "parent_login");
            String password = cell(r, columns, "password");
            if (password != null && login != null) {
                try {
                    passwords.check(password, login);
                } catch (ApiException e) {
                    problems.add(new ImportProblem(r.line(), "password", e.getMessage()));
                }
            }
            if (problems.size() == before && login != null) {
                if (roleList != null && roleList.contains(AccountRole.PARENT)) fileParents.add(login);
                rows.add(new ImportRow(r.line(), login, name, email, birth, roleList == null ? List.of() : roleList, group,
                        parent == null ? null : parent.toLowerCase(Locale.ROOT), password));
            }
        }
        List<ImportRow> valid = new ArrayList<>();
        for (ImportRow row : rows) {
            String p = row.parentLogin();
            if (p != null && (p.equals(row.login()) || !(existingParents.contains(p) || fileParents.contains(p)))) {
                problems.add(new ImportProblem(row.row(), "parent_login", "no parent account with login " + p));
            } else {
                valid.add(row);
            }
        }
        return valid;
    }

    private static List<AccountRole> roles(String raw) {
        List<AccountRole> out = new ArrayList<>();
        if (raw == null) return out;
        for (String part : raw.split(";")) {
            String r = part.trim().toLowerCase(Locale.ROOT);
            if (r.isEmpty()) continue;
            out.add(AccountRole.fromWire(r).orElseThrow(() -> new IllegalArgumentException("unknown role: " + r)));
        }
        return out;
    }

    private static <T> T check(List<ImportProblem> problems, CsvRecord r, String column, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(r.line(), column, e.getMessage()));
            return null;
        }
    }

    /** A trimmed cell; null when the column is absent or the cell empty. */
    private static String cell(CsvRecord r, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null || i >= r.fields().size()) return null;
        String v = r.fields().get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private Future<List<JsonObject>> importRows(Actor actor, UUID orgId, List<ImportRow> rows, Map<String, Group> groups,
                                                Map<String, Account> existing) {
        List<JsonObject> done = new ArrayList<>();
        Map<String, Account> created = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (int start = 0; start < rows.size(); start += HASH_BATCH) {
            List<ImportRow> batch = rows.subList(start, Math.min(rows.size(), start + HASH_BATCH));
            chain = chain.compose(v -> {
                List<Future<Void>> each = new ArrayList<>();
                for (ImportRow row : batch) each.add(importRow(actor, orgId, row, groups, created, done));
                return Future.all(each).mapEmpty();
            });
        }
        return chain.compose(v -> {
            Future<Void> links = Future.succeededFuture();
            for (ImportRow row : rows) {
                if (row.parentLogin() == null) continue;
                Account child = created.get(row.login());
                Account parent = created.containsKey(row.parentLogin()) ? created.get(row.parentLogin()) : existing.get(row.parentLogin());
                links = links.compose(x -> roles.link(actor, parent, child, true));
            }
            return links;
        }).map(v -> {
            done.sort(java.util.Comparator.comparingInt(j -> j.getInteger("row")));
            return done;
        });
    }

    private Future<Void> importRow(Actor actor, UUID orgId, ImportRow row, Map<String, Group> groups,
                                   Map<String, Account> created, List<JsonObject> done) {
        String generated = row.password() == null ? passwords.generate() : null;
        UUID groupId = row.groupName() == null ? null : groups.get(row.groupName().toLowerCase(Locale.ROOT)).id();
        List<RoleSpec> specs = new ArrayList<>();
        for (AccountRole r : row.roles()) specs.add(new RoleSpec(r, groupId));
        return passwords.hash(generated != null ? generated : row.password()).compose(hash -> {
            long now = time.epochMillis();
            Account a = new Account(UUID.randomUUID(), orgId, row.login(), row.displayName(), row.email(), row.birthDate(),
                    AccountStatus.ACTIVE, hash, true, null, null, null, null, null, now, now);
            return accounts.create(actor, a, specs).map(stored -> {
                synchronized (done) {
                    created.put(stored.login(), stored);
                    done.add(new JsonObject().put("row", row.row()).put("login", stored.login()).put("id", stored.id().toString())
                            .put("initialPassword", generated));
                }
                return null;
            });
        });
    }
}
