package sabaq.studio.course;

import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a course document before it is saved or published: ids, required Kazakh and Russian titles, sizes, file
 * references and numbers. What needs the media (a cut beyond the video's end, subtitle timing) is checked by the
 * workflow step that has the media. Failures are {@link StudioError#COURSE_INVALID} naming the field.
 */
public final class CourseValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern UPLOAD_KEY = Pattern.compile("uploads/[A-Za-z0-9_-]{1,40}/[^/\\\\\\x00-\\x1f]{1,200}");
    private static final Pattern RECORDING_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}/[A-Za-z0-9_-]{1,64}");
    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 4000;

    private CourseValidator() {
    }

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static void validate(Course c) throws OperationException {
        id("id", c.id());
        title("title", c.title(), true);
        text("description", c.description(), MAX_DESCRIPTION);
        if (c.modules().size() > 50) fail("modules", "at most 50 modules");
        Set<String> lessonIds = new HashSet<>();
        Set<String> moduleIds = new HashSet<>();
        for (int m = 0; m < c.modules().size(); m++) {
            CourseModule mod = c.modules().get(m);
            String mp = "modules[" + m + "]";
            id(mp + ".id", mod.id());
            if (!moduleIds.add(mod.id())) fail(mp + ".id", "duplicate id");
            title(mp + ".title", mod.title(), true);
            if (mod.lessons().size() > 200) fail(mp + ".lessons", "at most 200 lessons");
            for (int l = 0; l < mod.lessons().size(); l++) {
                Lesson lesson = mod.lessons().get(l);
                String lp = mp + ".lessons[" + l + "]";
                id(lp + ".id", lesson.id());
                if (!lessonIds.add(lesson.id())) fail(lp + ".id", "duplicate id");
                lesson(lp, lesson);
            }
        }
    }

    /** A course may be published once it has at least one lesson, and every lesson has a source. */
    public static void validateForPublishing(Course c) throws OperationException {
        validate(c);
        if (c.lessons().isEmpty()) fail("modules", "a published course needs at least one lesson");
    }

    private static void lesson(String p, Lesson l) throws OperationException {
        title(p + ".title", l.title(), true);
        text(p + ".description", l.description(), MAX_DESCRIPTION);
        if (l.source() == null) fail(p + ".source", "missing");
        ref(p + ".source", l.source(), true);
        ref(p + ".intro", l.intro(), false);
        ref(p + ".outro", l.outro(), false);
        ref(p + ".audioDescription", l.audioDescription(), false);
        for (Map.Entry<String, MediaRef> e : l.subtitles().entrySet()) {
            if (!List.of("kk", "ru").contains(e.getKey())) fail(p + ".subtitles", "languages are kk and ru, not " + e.getKey());
            if (e.getValue() == null) fail(p + ".subtitles." + e.getKey(), "missing");
            ref(p + ".subtitles." + e.getKey(), e.getValue(), false);
        }
        Cuts cuts = l.cuts();
        seconds(p + ".cuts.start", cuts.start());
        if (cuts.end() != null) seconds(p + ".cuts.end", cuts.end());
        if (cuts.remove().size() > 500) fail(p + ".cuts.remove", "at most 500 ranges");
        for (int i = 0; i < cuts.remove().size(); i++) {
            TimeRange r = cuts.remove().get(i);
            if (r == null) fail(p + ".cuts.remove[" + i + "]", "missing");
            seconds(p + ".cuts.remove[" + i + "].start", r.start());
            seconds(p + ".cuts.remove[" + i + "].end", r.end());
        }
        if (l.pip() != null) {
            Pip pip = l.pip();
            if (pip.clip() == null) fail(p + ".pip.clip", "missing");
            ref(p + ".pip.clip", pip.clip(), false);
            if (!Pip.CORNERS.contains(pip.corner())) fail(p + ".pip.corner", "must be one of " + Pip.CORNERS);
            if (!(pip.size() >= 0.15 && pip.size() <= 0.5)) fail(p + ".pip.size", "must be between 0.15 and 0.5 of the width");
            seconds(p + ".pip.offset", pip.offset());
        }
        if (l.chapters().size() > 200) fail(p + ".chapters", "at most 200 chapters");
        for (int i = 0; i < l.chapters().size(); i++) {
            Chapter ch = l.chapters().get(i);
            if (ch == null) fail(p + ".chapters[" + i + "]", "missing");
            seconds(p + ".chapters[" + i + "].start", ch.start());
            title(p + ".chapters[" + i + "].title", ch.title(), false);
        }
    }

    private static void ref(String field, MediaRef r, boolean required) throws OperationException {
        if (r == null) {
            if (required) fail(field, "missing");
            return;
        }
        if (MediaRef.UPLOAD.equals(r.kind())) {
            if (r.key() == null || !UPLOAD_KEY.matcher(r.key()).matches()) fail(field + ".key", "not an uploaded file");
        } else if (MediaRef.RECORDING.equals(r.kind())) {
            if (r.key() == null || !RECORDING_KEY.matcher(r.key()).matches()) fail(field + ".key", "not a recording");
        } else {
            fail(field + ".kind", "must be upload or recording");
        }
        if (r.name().length() > 200) fail(field + ".name", "at most 200 characters");
    }

    private static void id(String field, String id) throws OperationException {
        if (!isId(id)) fail(field, "1-40 letters, digits, '-' or '_'");
    }

    private static void title(String field, LocalizedText t, boolean required) throws OperationException {
        if (t == null) fail(field, "missing");
        if (required && t.kk().isEmpty()) fail(field + ".kk", "the Kazakh title is required");
        if (required && t.ru().isEmpty()) fail(field + ".ru", "the Russian title is required");
        if (!required && t.kk().isEmpty() && t.ru().isEmpty()) fail(field, "a title in Kazakh or Russian is required");
        text(field, t, MAX_TITLE);
    }

    private static void text(String field, LocalizedText t, int max) throws OperationException {
        if (t == null) return;
        if (t.kk().codePointCount(0, t.kk().length()) > max) fail(field + ".kk", "at most " + max + " characters");
        if (t.ru().codePointCount(0, t.ru().length()) > max) fail(field + ".ru", "at most " + max + " characters");
        for (String s : List.of(t.kk(), t.ru())) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch < 0x20 && ch != '\n' && ch != '\t') fail(field, "control characters are not allowed");
            }
        }
    }

    private static void seconds(String field, double v) throws OperationException {
        if (!Double.isFinite(v) || v < 0 || v > 100_000) fail(field, "must be a number of seconds from 0");
    }

    private static void fail(String field, String reason) throws OperationException {
        throw new OperationException(StudioError.COURSE_INVALID, Map.of("field", field, "reason", reason), field + ": " + reason);
    }
}
