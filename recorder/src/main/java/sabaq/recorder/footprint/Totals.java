package sabaq.recorder.footprint;

import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.PersonTotals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums attendance rows per person (one role), ordered by name. */
final class Totals {
    private Totals() {
    }

    static List<PersonTotals> sum(List<AttendanceRow> rows, FootprintRole role) {
        Map<String, PersonTotals> by = new LinkedHashMap<>();
        for (AttendanceRow r : rows) {
            if (r.role() != role) continue;
            PersonTotals t = by.get(r.actorId());
            if (t == null) {
                by.put(r.actorId(), new PersonTotals(r.actorId(), r.name(), role, 1, r.attendedMs(), r.cameraOnMs(),
                        r.micOnMs(), r.speakingMs(), r.chatMessages(), r.handRaises()));
            } else {
                by.put(r.actorId(), new PersonTotals(r.actorId(), r.name(), role, t.lessons() + 1,
                        t.attendedMs() + r.attendedMs(), t.cameraOnMs() + r.cameraOnMs(), t.micOnMs() + r.micOnMs(),
                        t.speakingMs() + r.speakingMs(), t.chatMessages() + r.chatMessages(), t.handRaises() + r.handRaises()));
            }
        }
        List<PersonTotals> out = new ArrayList<>(by.values());
        out.sort(Comparator.comparing(PersonTotals::name).thenComparing(PersonTotals::actorId));
        return out;
    }
}
