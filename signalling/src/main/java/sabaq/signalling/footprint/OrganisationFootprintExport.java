package sabaq.signalling.footprint;

import sabaq.signalling.async.ContextFutures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import sabaq.common.footprint.FootprintEvent;
import sabaq.signalling.account.GroupLesson;
import sabaq.signalling.account.GroupLessonRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The digital footprint of an organisation as part of its data export (order No. 456: main data in an open format):
 * every event of every group lesson of the organisation, oldest first, as CSV (headers in kk/ru/en, as the footprint
 * reports) or as JSON events (docs/footprint.md). Lessons are read a few at a time; nothing blocks the event loop.
 */
public final class OrganisationFootprintExport {
    private static final int LESSONS_AT_ONCE = 8;
    private static final Comparator<FootprintEvent> ORDER = Comparator.comparingLong(FootprintEvent::timestamp)
            .thenComparing(e -> e.eventId().toString());

    private final FootprintServices footprint;
    private final GroupLessonRepository lessons;

    public OrganisationFootprintExport(FootprintServices footprint, GroupLessonRepository lessons) {
        this.footprint = Objects.requireNonNull(footprint, "footprint");
        this.lessons = Objects.requireNonNull(lessons, "lessons");
    }

    /** Every footprint event of the organisation's lessons, oldest first. */
    public Future<List<FootprintEvent>> events(UUID orgId) {
        return lessons.byOrg(orgId).compose(all -> next(all, 0, new ArrayList<>())).map(events -> {
            events.sort(ORDER);
            return events;
        });
    }

    /** The events as CSV in {@code lang} (kk, ru or en). */
    public static String csv(List<FootprintEvent> events, String lang) {
        return new FootprintCsv(lang).events(events);
    }

    /** The events as the footprint API's JSON events. */
    public static JsonArray json(List<FootprintEvent> events) {
        return FootprintJson.array(events, FootprintJson::event);
    }

    /** Whether {@code lang} is a language of the CSV headers. */
    public static boolean isLanguage(String lang) {
        return FootprintCsv.LANGUAGES.contains(lang);
    }

    private Future<List<FootprintEvent>> next(List<GroupLesson> all, int from, List<FootprintEvent> out) {
        if (from >= all.size()) return Future.succeededFuture(out);
        List<Future<List<FootprintEvent>>> batch = new ArrayList<>();
        for (int i = from; i < Math.min(all.size(), from + LESSONS_AT_ONCE); i++) {
            batch.add(ContextFutures.onCurrentContext(footprint.reports().lessonEvents(all.get(i).lessonId())));
        }
        return Future.all(batch).compose(done -> {
            for (int i = 0; i < done.size(); i++) out.addAll(done.<List<FootprintEvent>>resultAt(i));
            return next(all, from + LESSONS_AT_ONCE, out);
        });
    }

}
