package sabaq.signalling.footprint;

import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.DistanceDayRow;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.PersonTotals;
import sabaq.common.footprint.ProgrammeShare;
import sabaq.signalling.csv.CsvWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The footprint reports as CSV (RFC 4180 with a UTF-8 byte order mark, via {@link CsvWriter}) with the header row in
 * Kazakh, Russian or English. Times are ISO 8601 UTC, durations whole seconds, shares percentages.
 */
final class FootprintCsv {
    static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    /** Column labels: English, Russian, Kazakh. */
    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("id", new String[] {"ID", "ID", "ID"}),
            Map.entry("name", new String[] {"Name", "Имя", "Аты-жөні"}),
            Map.entry("role", new String[] {"Role", "Роль", "Рөлі"}),
            Map.entry("joined", new String[] {"First joined", "Первый вход", "Алғаш кірді"}),
            Map.entry("left", new String[] {"Last left", "Последний выход", "Соңғы шықты"}),
            Map.entry("attended", new String[] {"Attended, s", "Присутствие, с", "Қатысу, с"}),
            Map.entry("camera", new String[] {"Camera on, s", "Камера включена, с", "Камера қосулы, с"}),
            Map.entry("mic", new String[] {"Microphone on, s", "Микрофон включён, с", "Микрофон қосулы, с"}),
            Map.entry("speaking", new String[] {"Speaking, s", "Говорил, с", "Сөйледі, с"}),
            Map.entry("chat", new String[] {"Chat messages", "Сообщения в чате", "Чат хабарламалары"}),
            Map.entry("hands", new String[] {"Hand raises", "Поднятые руки", "Қол көтерулер"}),
            Map.entry("lessons", new String[] {"Lessons", "Уроки", "Сабақтар"}),
            Map.entry("programme", new String[] {"Programme", "Программа", "Бағдарлама"}),
            Map.entry("kind", new String[] {"Kind", "Тип", "Түрі"}),
            Map.entry("base", new String[] {"Planned hours without practice", "Плановые часы без практики", "Практикасыз жоспарлы сағаттар"}),
            Map.entry("delivered", new String[] {"Synchronous hours delivered", "Проведено синхронных часов", "Өткізілген синхронды сағаттар"}),
            Map.entry("syncShare", new String[] {"Synchronous share, %", "Доля синхронных, %", "Синхронды үлес, %"}),
            Map.entry("syncMin", new String[] {"Minimum, %", "Минимум, %", "Ең төменгі, %"}),
            Map.entry("distShare", new String[] {"Distance share, %", "Доля дистанционных, %", "Қашықтықтан оқыту үлесі, %"}),
            Map.entry("distMax", new String[] {"Maximum, %", "Максимум, %", "Ең жоғары, %"}),
            Map.entry("meets", new String[] {"Meets the rules", "Соответствует нормам", "Талаптарға сай"}),
            Map.entry("group", new String[] {"Group", "Группа", "Топ"}),
            Map.entry("day", new String[] {"Day", "День", "Күн"}),
            Map.entry("expected", new String[] {"Expected", "Ожидалось", "Күтілді"}),
            Map.entry("connected", new String[] {"Connected", "Подключились", "Қосылды"}),
            Map.entry("absent", new String[] {"Absent", "Отсутствовали", "Қатыспағандар"}),
            Map.entry("time", new String[] {"Time", "Время", "Уақыт"}),
            Map.entry("verb", new String[] {"Action", "Действие", "Әрекет"}),
            Map.entry("lesson", new String[] {"Lesson", "Урок", "Сабақ"}),
            Map.entry("result", new String[] {"Result", "Результат", "Нәтиже"}),
            Map.entry("yes", new String[] {"yes", "да", "иә"}),
            Map.entry("no", new String[] {"no", "нет", "жоқ"}));

    private final String lang;
    private final CsvWriter out = new CsvWriter();

    FootprintCsv(String lang) {
        if (!LANGUAGES.contains(lang)) throw new IllegalArgumentException("language " + lang);
        this.lang = lang;
    }

    String label(String key) {
        String[] l = LABELS.get(key);
        return l[lang.equals("en") ? 0 : lang.equals("ru") ? 1 : 2];
    }

    private void header(String... keys) {
        List<String> row = new ArrayList<>();
        for (String k : keys) row.add(label(k));
        out.row(row);
    }

    private static String time(long ms) {
        return ms < 0 ? "" : Instant.ofEpochMilli(ms).toString();
    }

    private static long seconds(long ms) {
        return Math.round(ms / 1000.0);
    }

    private static String percent(Double share) {
        return share == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", share * 100);
    }

    String attendance(List<AttendanceRow> rows) {
        header("id", "name", "role", "joined", "left", "attended", "camera", "mic", "speaking", "chat", "hands");
        for (AttendanceRow r : rows) {
            out.row(Arrays.asList(r.actorId(), r.name(), r.role().wireName(), time(r.firstJoinedAt()), time(r.lastLeftAt()),
                    seconds(r.attendedMs()), seconds(r.cameraOnMs()), seconds(r.micOnMs()), seconds(r.speakingMs()),
                    r.chatMessages(), r.handRaises()));
        }
        return out.toString();
    }

    String totals(List<PersonTotals> rows) {
        header("id", "name", "role", "lessons", "attended", "camera", "mic", "speaking", "chat", "hands");
        for (PersonTotals t : rows) {
            out.row(Arrays.asList(t.actorId(), t.name(), t.role().wireName(), t.lessons(), seconds(t.attendedMs()),
                    seconds(t.cameraOnMs()), seconds(t.micOnMs()), seconds(t.speakingMs()), t.chatMessages(), t.handRaises()));
        }
        return out.toString();
    }

    String shares(List<ProgrammeShare> rows) {
        header("programme", "kind", "base", "delivered", "syncShare", "syncMin", "distShare", "distMax", "meets");
        for (ProgrammeShare s : rows) {
            boolean meets = !s.belowSynchronousMinimum() && !s.aboveDistanceMaximum();
            out.row(Arrays.asList(s.name(), s.kind().wireName(), s.baseHours(),
                    String.format(java.util.Locale.ROOT, "%.2f", s.deliveredSynchronousHours()), percent(s.synchronousShare()),
                    percent(s.synchronousMinimum()), percent(s.distanceShare()), percent(s.distanceMaximum()),
                    label(meets ? "yes" : "no")));
        }
        return out.toString();
    }

    String distanceDay(List<DistanceDayRow> rows, Map<java.util.UUID, String> groupNames) {
        header("group", "day", "expected", "connected", "absent");
        for (DistanceDayRow r : rows) {
            out.row(Arrays.asList(groupNames.getOrDefault(r.groupId(), r.groupId().toString()), r.day().toString(),
                    r.expected(), r.connected(), String.join(" ", r.absentIds())));
        }
        return out.toString();
    }

    String events(List<FootprintEvent> events) {
        header("time", "id", "name", "role", "verb", "lesson", "result");
        for (FootprintEvent e : events) {
            out.row(Arrays.asList(time(e.timestamp()), e.actor().id(), e.actor().name(), e.context().role().wireName(),
                    e.verb().wireName(), e.context().lessonId(), FootprintJson.result(e.result()).encode()));
        }
        return out.toString();
    }
}
