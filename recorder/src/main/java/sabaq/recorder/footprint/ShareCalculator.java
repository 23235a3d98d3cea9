package sabaq.recorder.footprint;

import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.HourFormat;
import sabaq.common.footprint.LessonSummary;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeKind;
import sabaq.common.footprint.ProgrammeShare;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static sabaq.common.footprint.ProgrammeShare.ACADEMIC_HOUR_MS;

/**
 * A programme's synchronous and distance shares (docs/footprint.md section 3). The base is the planned academic hours
 * of the programme's disciplines that are not practice; delivered live time is the {@link LessonSummary#deliveredMs}
 * of the lessons of those disciplines that started in the period. Online TVET: delivered live ÷ base must be at least
 * 30 %. Full-time TVET: (delivered live + planned asynchronous and distance hours) ÷ base may be at most 20 %. The
 * comparisons are exact, on milliseconds ({@code 100 × part} against {@code limit × base}), so exactly 30 % and exactly
 * 20 % meet the rules.
 */
final class ShareCalculator {
    private static final long MIN_PERCENT = 30;
    private static final long MAX_PERCENT = 20;

    private ShareCalculator() {
    }

    static ProgrammeShare share(Programme p, Period period, List<LessonSummary> lessons) {
        Set<UUID> counted = new HashSet<>();
        long baseHours = 0;
        long plannedSync = 0;
        long plannedRemote = 0;
        for (Discipline d : p.disciplines()) {
            if (d.practice()) continue;
            counted.add(d.id());
            baseHours += d.plannedTotal();
            plannedSync += d.planned(HourFormat.SYNCHRONOUS);
            plannedRemote += d.planned(HourFormat.ASYNCHRONOUS) + d.planned(HourFormat.DISTANCE);
        }
        long deliveredMs = 0;
        for (LessonSummary l : lessons) {
            if (l.disciplineId() != null && counted.contains(l.disciplineId()) && period.contains(l.startedAt())) {
                deliveredMs += l.deliveredMs();
            }
        }
        long baseMs = baseHours * ACADEMIC_HOUR_MS;
        long distanceMs = deliveredMs + plannedRemote * ACADEMIC_HOUR_MS;
        boolean online = p.kind() == ProgrammeKind.ONLINE_TVET;
        boolean fullTime = p.kind() == ProgrammeKind.FULL_TIME_TVET;
        boolean below = online && baseMs > 0 && 100 * deliveredMs < MIN_PERCENT * baseMs;
        boolean above = fullTime && baseMs > 0 && 100 * distanceMs > MAX_PERCENT * baseMs;
        return new ProgrammeShare(p.id(), p.name(), p.kind(), period, baseHours, plannedSync,
                hours(deliveredMs), ratio(deliveredMs, baseMs), online ? ProgrammeShare.SYNCHRONOUS_MINIMUM : null,
                plannedSync + plannedRemote, ratio(distanceMs, baseMs), fullTime ? ProgrammeShare.DISTANCE_MAXIMUM : null,
                below, above);
    }

    private static double hours(long ms) {
        return (double) ms / ACADEMIC_HOUR_MS;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
