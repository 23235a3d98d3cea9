package sabaq.common.footprint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Where programmes, their groups and disciplines (with planned hours) are kept. Asynchronous; access checks are the
 * caller's. The stored implementation is {@code sabaq.recorder.footprint.CassandraCurriculumStore}.
 */
public interface CurriculumStore {

    /** The organisation's programmes, by name. */
    CompletionStage<List<Programme>> programmes(UUID orgId);

    CompletionStage<Optional<Programme>> programme(UUID orgId, UUID programmeId);

    /** Creates or replaces the programme (its groups and disciplines included). */
    CompletionStage<Void> save(Programme programme);

    /** True if it existed. */
    CompletionStage<Boolean> delete(UUID orgId, UUID programmeId);

    /** The programme of the organisation that holds the discipline: how a lesson's discipline finds its programme. */
    CompletionStage<Optional<Programme>> programmeOfDiscipline(UUID orgId, UUID disciplineId);
}
