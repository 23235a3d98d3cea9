package sabaq.studio.operation;

import sabaq.studio.course.Lesson;
import sabaq.studio.course.MediaRef;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a lesson uses, by asset name: {@code source}, {@code intro}, {@code outro}, {@code pip},
 * {@code subtitles-kk}, {@code subtitles-ru}, {@code audio-description}. The fetch step stores each under its asset
 * name as an artifact.
 */
public final class LessonAssets {
    public static final String SOURCE = "source";
    public static final String INTRO = "intro";
    public static final String OUTRO = "outro";
    public static final String PIP = "pip";
    public static final String AUDIO_DESCRIPTION = "audio-description";

    private LessonAssets() {
    }

    public static String subtitles(String lang) {
        return "subtitles-" + lang;
    }

    /** Every file of the lesson, in a fixed order. */
    public static Map<String, MediaRef> of(Lesson l) {
        Map<String, MediaRef> m = new LinkedHashMap<>();
        m.put(SOURCE, l.source());
        if (l.intro() != null) m.put(INTRO, l.intro());
        if (l.outro() != null) m.put(OUTRO, l.outro());
        if (l.pip() != null) m.put(PIP, l.pip().clip());
        for (String lang : new String[]{"kk", "ru"}) {
            MediaRef r = l.subtitles().get(lang);
            if (r != null) m.put(subtitles(lang), r);
        }
        if (l.audioDescription() != null) m.put(AUDIO_DESCRIPTION, l.audioDescription());
        return m;
    }

    /** Whether an asset is audio or video (as opposed to subtitles). */
    public static boolean isMedia(String asset) {
        return !asset.startsWith("subtitles-");
    }
}
