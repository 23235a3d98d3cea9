package sabaq.studio.cli;

import sabaq.studio.UploadService;
import sabaq.studio.course.Chapter;
import sabaq.studio.course.Course;
import sabaq.studio.course.CourseModule;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.LocalizedText;
import sabaq.studio.course.MediaRef;
import sabaq.studio.course.Pip;
import sabaq.studio.course.TimeRange;
import sabaq.studio.error.OperationException;
import sabaq.studio.yaml.YamlNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A course described in YAML for the command line (docs/studio.md has the format). Media and subtitle files are
 * local paths relative to the YAML file; each is checked and uploaded as the studio page would, or a source may be
 * {@code recording: <lessonId>/<recordingId>} (a Sabaq recording).
 */
public final class CourseFile {
    /** Uploads one local file; returns its reference. */
    @FunctionalInterface
    public interface Uploader {
        MediaRef upload(Path file, UploadService.Kind kind) throws OperationException;
    }

    private static final Set<String> COURSE_KEYS = Set.of("id", "title", "description", "modules");
    private static final Set<String> MODULE_KEYS = Set.of("id", "title", "lessons");
    private static final Set<String> LESSON_KEYS = Set.of("id", "title", "description", "source", "recording", "cuts", "intro",
            "outro", "pip", "subtitles", "audio-description", "chapters");

    private CourseFile() {
    }

    public static Course read(Path file, Uploader uploader, long now) throws IOException, OperationException {
        YamlNode root = YamlNode.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)).only(COURSE_KEYS);
        Path base = file.toAbsolutePath().getParent();
        List<CourseModule> modules = new ArrayList<>();
        for (YamlNode m : root.list("modules")) {
            m.only(MODULE_KEYS);
            List<Lesson> lessons = new ArrayList<>();
            for (YamlNode l : m.list("lessons")) lessons.add(lesson(l.only(LESSON_KEYS), base, uploader));
            modules.add(new CourseModule(m.string("id"), text(m, "title"), lessons));
        }
        return new Course(root.string("id"), text(root, "title"), text(root, "description"), modules, now, now);
    }

    private static Lesson lesson(YamlNode l, Path base, Uploader up) throws OperationException {
        MediaRef source = l.has("recording") ? new MediaRef(MediaRef.RECORDING, l.string("recording"), l.string("recording"))
                : file(l, "source", base, up, UploadService.Kind.VIDEO);
        Cuts cuts = Cuts.NONE;
        if (l.has("cuts")) {
            YamlNode c = l.get("cuts").only(Set.of("start", "end", "remove"));
            List<TimeRange> remove = new ArrayList<>();
            for (YamlNode r : c.list("remove")) {
                List<YamlNode> pair = r.list();
                if (pair.size() != 2) throw r.error("must be [start, end]");
                remove.add(new TimeRange(pair.get(0).number(), pair.get(1).number()));
            }
            cuts = new Cuts(c.number("start", 0), c.has("end") ? c.get("end").number() : null, remove);
        }
        Pip pip = null;
        if (l.has("pip")) {
            YamlNode p = l.get("pip").only(Set.of("clip", "corner", "size", "offset"));
            pip = new Pip(file(p, "clip", base, up, UploadService.Kind.VIDEO), p.string("corner", "bottom-right"),
                    p.number("size", 0.25), p.number("offset", 0));
        }
        Map<String, MediaRef> subtitles = new LinkedHashMap<>();
        if (l.has("subtitles")) {
            YamlNode s = l.get("subtitles").only(Set.of("kk", "ru"));
            for (String lang : s.keys()) subtitles.put(lang, file(s, lang, base, up, UploadService.Kind.SUBTITLES));
        }
        List<Chapter> chapters = new ArrayList<>();
        for (YamlNode c : l.list("chapters")) {
            c.only(Set.of("start", "title"));
            chapters.add(new Chapter(c.get("start").number(), text(c, "title")));
        }
        return new Lesson(l.string("id"), text(l, "title"), l.has("description") ? text(l, "description") : null, source, cuts,
                l.has("intro") ? file(l, "intro", base, up, UploadService.Kind.VIDEO) : null,
                l.has("outro") ? file(l, "outro", base, up, UploadService.Kind.VIDEO) : null,
                pip, subtitles,
                l.has("audio-description") ? file(l, "audio-description", base, up, UploadService.Kind.AUDIO) : null,
                chapters);
    }

    private static MediaRef file(YamlNode n, String key, Path base, Uploader up, UploadService.Kind kind) throws OperationException {
        Path p = base.resolve(n.string(key));
        if (!Files.isRegularFile(p)) throw n.get(key).error("no such file: " + p);
        return up.upload(p, kind);
    }

    private static LocalizedText text(YamlNode n, String key) {
        if (!n.has(key)) return LocalizedText.EMPTY;
        YamlNode t = n.get(key);
        if (!t.isMap()) throw t.error("must be {kk: ..., ru: ...}");
        t.only(Set.of("kk", "ru"));
        return new LocalizedText(t.string("kk", ""), t.string("ru", ""));
    }
}
