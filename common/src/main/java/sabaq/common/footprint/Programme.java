package sabaq.common.footprint;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An educational programme of an organisation, the groups that follow it and its disciplines. */
public record Programme(UUID orgId, UUID id, String name, ProgrammeKind kind, List<UUID> groupIds,
                        List<Discipline> disciplines) {
    public Programme {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
    }
}
