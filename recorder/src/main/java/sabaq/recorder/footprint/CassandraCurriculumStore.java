package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import sabaq.common.footprint.CurriculumStore;
import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.HourFormat;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Programmes in Cassandra: {@code curriculum_programmes} (one partition per organisation, disciplines as a list of
 * the {@code curriculum_discipline} type) and {@code curriculum_disciplines} (discipline → programme, how a lesson's
 * discipline finds its programme). Open it after {@link CassandraFootprintStore#open}, which creates the tables.
 */
public final class CassandraCurriculumStore implements CurriculumStore {
    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement byOrg;
    private final PreparedStatement byId;
    private final PreparedStatement remove;
    private final PreparedStatement insertDiscipline;
    private final PreparedStatement removeDiscipline;
    private final PreparedStatement discipline;
    private final UserDefinedType disciplineType;

    /** Prepares the statements; blocking (start-up, worker thread). */
    public CassandraCurriculumStore(CqlSession session) {
        this.session = session;
        insert = session.prepare("INSERT INTO curriculum_programmes (org_id, programme_id, name, kind, group_ids, disciplines) "
                + "VALUES (?, ?, ?, ?, ?, ?)");
        String select = "SELECT org_id, programme_id, name, kind, group_ids, disciplines FROM curriculum_programmes ";
        byOrg = session.prepare(select + "WHERE org_id = ?");
        byId = session.prepare(select + "WHERE org_id = ? AND programme_id = ?");
        remove = session.prepare("DELETE FROM curriculum_programmes WHERE org_id = ? AND programme_id = ?");
        insertDiscipline = session.prepare("INSERT INTO curriculum_disciplines (org_id, discipline_id, programme_id) VALUES (?, ?, ?)");
        removeDiscipline = session.prepare("DELETE FROM curriculum_disciplines WHERE org_id = ? AND discipline_id = ?");
        discipline = session.prepare("SELECT programme_id FROM curriculum_disciplines WHERE org_id = ? AND discipline_id = ?");
        disciplineType = (UserDefinedType) ((ListType) insert.getVariableDefinitions().get("disciplines").getType()).getElementType();
    }

    @Override
    public CompletionStage<List<Programme>> programmes(UUID orgId) {
        return Cql.all(session, byOrg.bind(orgId), this::programme).thenApply(list -> {
            List<Programme> out = new ArrayList<>(list);
            out.sort(Comparator.comparing(Programme::name).thenComparing(Programme::id));
            return out;
        });
    }

    @Override
    public CompletionStage<Optional<Programme>> programme(UUID orgId, UUID programmeId) {
        return Cql.all(session, byId.bind(orgId, programmeId), this::programme).thenApply(l -> l.stream().findFirst());
    }

    @Override
    public CompletionStage<Void> save(Programme p) {
        return programme(p.orgId(), p.id()).thenCompose(old -> {
            Set<UUID> now = new HashSet<>();
            List<UdtValue> disciplines = new ArrayList<>();
            List<CompletionStage<?>> writes = new ArrayList<>();
            for (Discipline d : p.disciplines()) {
                now.add(d.id());
                Map<String, Integer> hours = new HashMap<>();
                for (Map.Entry<HourFormat, Integer> h : d.plannedHours().entrySet()) hours.put(h.getKey().wireName(), h.getValue());
                disciplines.add(disciplineType.newValue(d.id(), d.name(), d.practice(), hours));
                writes.add(session.executeAsync(insertDiscipline.bind(p.orgId(), d.id(), p.id())));
            }
            old.ifPresent(o -> {
                for (Discipline d : o.disciplines()) {
                    if (!now.contains(d.id())) writes.add(session.executeAsync(removeDiscipline.bind(p.orgId(), d.id())));
                }
            });
            BoundStatement row = insert.bind(p.orgId(), p.id(), p.name(), p.kind().wireName(), p.groupIds(), disciplines);
            writes.add(session.executeAsync(row));
            return Cql.allOf(writes);
        });
    }

    @Override
    public CompletionStage<Boolean> delete(UUID orgId, UUID programmeId) {
        return programme(orgId, programmeId).thenCompose(old -> {
            if (old.isEmpty()) return CompletableFuture.completedFuture(false);
            List<CompletionStage<?>> writes = new ArrayList<>();
            for (Discipline d : old.get().disciplines()) writes.add(session.executeAsync(removeDiscipline.bind(orgId, d.id())));
            writes.add(session.executeAsync(remove.bind(orgId, programmeId)));
            return Cql.allOf(writes).thenApply(v -> true);
        });
    }

    @Override
    public CompletionStage<Optional<Programme>> programmeOfDiscipline(UUID orgId, UUID disciplineId) {
        return Cql.all(session, discipline.bind(orgId, disciplineId), r -> r.getUuid("programme_id")).thenCompose(ids -> {
            if (ids.isEmpty()) return CompletableFuture.completedFuture(Optional.<Programme>empty());
            return programme(orgId, ids.get(0));
        });
    }

    private Programme programme(Row r) {
        List<Discipline> disciplines = new ArrayList<>();
        for (UdtValue u : r.getList("disciplines", UdtValue.class)) {
            Map<HourFormat, Integer> hours = new EnumMap<>(HourFormat.class);
            for (Map.Entry<String, Integer> h : u.getMap("planned_hours", String.class, Integer.class).entrySet()) {
                HourFormat.fromWire(h.getKey()).ifPresent(f -> hours.put(f, h.getValue()));
            }
            disciplines.add(new Discipline(u.getUuid("id"), u.getString("name"), hours, u.getBoolean("practice")));
        }
        ProgrammeKind kind = ProgrammeKind.fromWire(r.getString("kind")).orElse(ProgrammeKind.SCHOOL);
        return new Programme(r.getUuid("org_id"), r.getUuid("programme_id"), r.getString("name"), kind,
                r.getList("group_ids", UUID.class), disciplines);
    }
}
