package sabaq.signalling.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.signalling.csv.CsvWriter;
import sabaq.signalling.store.Repositories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An organisation's main data in open formats (order No. 456): its users (with roles and parents, never
 * credentials), groups and lessons, each as CSV (RFC 4180, UTF-8) or JSON; the digital footprint is exported beside
 * them by {@code sabaq.signalling.footprint.OrganisationFootprintExport}. Rows are sorted so two exports of unchanged
 * data are identical.
 */
public final class OrganisationExport {
    /** What can be exported. */
    public enum Dataset {
        USERS, GROUPS, LESSONS
    }

    private static final List<String> USER_COLUMNS = List.of("id", "login", "name", "email", "birth_date", "status",
            "roles", "parent_logins", "created_at");
    private static final List<String> GROUP_COLUMNS = List.of("id", "name", "created_at");
    private static final List<String> LESSON_COLUMNS = List.of("id", "group_id", "group", "title", "teacher_id", "teacher",
            "created_at");

    private final Repositories repos;

    public OrganisationExport(Repositories repos) {
        this.repos = Objects.requireNonNull(repos, "repos");
    }

    /** The rows of a dataset: a header and the values, as CSV cells. */
    public Future<List<List<String>>> rows(UUID orgId, Dataset dataset) {
        return repos.directory().groups(orgId).compose(groups -> {
            Map<UUID, String> groupNames = new HashMap<>();
            for (Group g : groups) groupNames.put(g.id(), g.name());
            switch (dataset) {
                case GROUPS:
                    List<List<String>> rows = new ArrayList<>();
                    rows.add(GROUP_COLUMNS);
                    groups.stream().sorted(Comparator.comparing(Group::name)).forEach(g ->
                            rows.add(List.of(g.id().toString(), g.name(), iso(g.createdAt()))));
                    return Future.succeededFuture(rows);
                case LESSONS:
                    return repos.lessons().byOrg(orgId).map(lessons -> {
                        List<List<String>> out = new ArrayList<>();
                        out.add(LESSON_COLUMNS);
                        lessons.stream().sorted(Comparator.comparingLong(GroupLesson::createdAt).thenComparing(GroupLesson::lessonId))
                                .forEach(l -> out.add(List.of(l.lessonId(), l.groupId().toString(),
                                        groupNames.getOrDefault(l.groupId(), ""), l.title(), l.teacherId().toString(),
                                        l.teacherName(), iso(l.createdAt()))));
                        return out;
                    });
                default:
                    return users(orgId, groupNames);
            }
        });
    }

    private Future<List<List<String>>> users(UUID orgId, Map<UUID, String> groupNames) {
        return repos.accounts().inOrg(orgId).compose(accounts -> {
            List<Account> sorted = new ArrayList<>(accounts);
            sorted.sort(Comparator.comparing(Account::login));
            Map<UUID, String> logins = new HashMap<>();
            for (Account a : sorted) logins.put(a.id(), a.login());
            List<Future<List<RoleAssignment>>> roles = new ArrayList<>();
            List<Future<List<UUID>>> parents = new ArrayList<>();
            for (Account a : sorted) {
                roles.add(repos.roles().assignments(a.id()));
                parents.add(repos.roles().parents(a.id()));
            }
            return Future.all(Future.all(roles), Future.all(parents)).map(all -> {
                List<List<String>> out = new ArrayList<>();
                out.add(USER_COLUMNS);
                for (int i = 0; i < sorted.size(); i++) {
                    Account a = sorted.get(i);
                    List<String> roleCells = new ArrayList<>();
                    for (RoleAssignment r : all.<io.vertx.core.CompositeFuture>resultAt(0).<List<RoleAssignment>>resultAt(i)) {
                        roleCells.add(r.groupId() == null ? r.role().wireName()
                                : r.role().wireName() + "@" + groupNames.getOrDefault(r.groupId(), r.groupId().toString()));
                    }
                    List<String> parentCells = new ArrayList<>();
                    for (UUID p : all.<io.vertx.core.CompositeFuture>resultAt(1).<List<UUID>>resultAt(i)) {
                        parentCells.add(logins.getOrDefault(p, p.toString()));
                    }
                    roleCells.sort(null);
                    parentCells.sort(null);
                    out.add(List.of(a.id().toString(), a.login(), a.displayName(), a.email() == null ? "" : a.email(),
                            a.birthDate() == null ? "" : a.birthDate().toString(), a.status().wireName(),
                            String.join(";", roleCells), String.join(";", parentCells), iso(a.createdAt())));
                }
                return out;
            });
        });
    }

    public static String csv(List<List<String>> rows) {
        CsvWriter w = new CsvWriter();
        for (List<String> r : rows) w.row(r);
        return w.toString();
    }

    /** The rows as a JSON array of objects keyed by the header (list cells split at ';'). */
    public static JsonArray json(List<List<String>> rows) {
        JsonArray out = new JsonArray();
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            JsonObject o = new JsonObject();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i);
                String v = r.get(i);
                if (h.equals("roles") || h.equals("parent_logins")) {
                    JsonArray list = new JsonArray();
                    if (!v.isEmpty()) for (String part : v.split(";")) list.add(part);
                    o.put(h, list);
                } else {
                    o.put(h, v.isEmpty() ? null : v);
                }
            }
            out.add(o);
        }
        return out;
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
