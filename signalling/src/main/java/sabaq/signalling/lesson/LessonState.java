package sabaq.signalling.lesson;

import java.util.Locale;

/** A lesson is live from creation until the teacher ends it (or it is swept); an ended lesson refuses joins. */
public enum LessonState {
    LIVE, ENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
