package sabaq.recorder.footprint;

import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lesson's attendance rows from its events (docs/footprint.md section 3). A person is present from JOINED to
 * LEFT or REMOVED (a rejoin opens a new stretch; presence overlapping itself counts once); camera and microphone time
 * run from ON to OFF and count only while present; everything stops at LESSON_ENDED, or at the lesson's last event
 * when it has not ended. Speaking time is the sum of SPOKE durations.
 */
final class AttendanceCalculator {
    /** The order of a lesson's rows: teachers, students, observers, then by name and id. */
    static final Comparator<AttendanceRow> ORDER = Comparator.comparing(AttendanceRow::role)
            .thenComparing(AttendanceRow::name).thenComparing(AttendanceRow::actorId);

    private AttendanceCalculator() {
    }

    private static final class Person {
        final String id;
        String name;
        boolean guest;
        FootprintRole role;
        final Intervals presence = new Intervals();
        final Intervals camera = new Intervals();
        final Intervals mic = new Intervals();
        long firstJoined = -1;
        long lastLeft = -1;
        long speaking;
        int chats;
        int hands;
        int joins;

        Person(FootprintEvent e) {
            id = e.actor().id();
            name = e.actor().name();
            guest = e.actor().guest();
            role = e.context().role();
        }
    }

    /** Rows ordered teachers, students, observers, then by name; {@code events} in any order. */
    static List<AttendanceRow> rows(String lessonId, List<FootprintEvent> events) {
        List<FootprintEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(FootprintEvent::timestamp).thenComparing(FootprintEvent::eventId));
        long end = -1;
        long last = -1;
        Map<String, Person> people = new LinkedHashMap<>();
        for (FootprintEvent e : sorted) {
            last = Math.max(last, e.timestamp());
            if (e.verb() == FootprintVerb.LESSON_ENDED) end = Math.max(end, e.timestamp());
            if (e.verb() == FootprintVerb.LESSON_STARTED || e.verb() == FootprintVerb.LESSON_ENDED
                    || e.verb() == FootprintVerb.RECORDING_WATCHED) {
                continue;
            }
            Person p = people.computeIfAbsent(e.actor().id(), k -> new Person(e));
            p.name = e.actor().name();
            if (e.context().role().ordinal() < p.role.ordinal()) p.role = e.context().role();
            apply(p, e);
        }
        long stop = end >= 0 ? end : last;
        List<AttendanceRow> out = new ArrayList<>();
        for (Person p : people.values()) {
            Intervals present = p.presence.closedAt(stop).clip(Long.MIN_VALUE / 2, stop);
            long cam = p.camera.closedAt(stop).intersect(present).totalMs();
            long mic = p.mic.closedAt(stop).intersect(present).totalMs();
            out.add(new AttendanceRow(lessonId, p.id, p.name, p.role, p.guest, p.firstJoined, p.lastLeft,
                    present.totalMs(), cam, mic, p.speaking, p.chats, p.hands, p.joins));
        }
        out.sort(ORDER);
        return out;
    }

    private static void apply(Person p, FootprintEvent e) {
        long t = e.timestamp();
        switch (e.verb()) {
            case JOINED:
                p.joins++;
                if (p.firstJoined < 0) p.firstJoined = t;
                p.presence.open(t);
                break;
            case LEFT:
            case REMOVED:
                p.lastLeft = t;
                p.presence.close(t);
                p.camera.close(t);
                p.mic.close(t);
                break;
            case CAMERA_ON:
                p.camera.open(t);
                break;
            case CAMERA_OFF:
                p.camera.close(t);
                break;
            case MIC_ON:
                p.mic.open(t);
                break;
            case MIC_OFF:
                p.mic.close(t);
                break;
            case SPOKE:
                p.speaking += e.result().durationMs();
                break;
            case CHAT_SENT:
                p.chats++;
                break;
            case HAND_RAISED:
                p.hands++;
                break;
            default:
                break;
        }
    }
}
