package sabaq.studio.course;

import java.util.List;
import java.util.Map;

/**
 * One lesson of a course: its source video and everything the studio does to it. Subtitles are keyed by language
 * ({@code kk}, {@code ru}); their cue times, like the chapters and the audio description, follow the source's
 * timeline, and the studio moves them through the cuts and past the intro.
 */
public record Lesson(String id, LocalizedText title, LocalizedText description, MediaRef source, Cuts cuts,
                     MediaRef intro, MediaRef outro, Pip pip, Map<String, MediaRef> subtitles,
                     MediaRef audioDescription, List<Chapter> chapters) {
    public Lesson {
        description = description == null ? LocalizedText.EMPTY : description;
        cuts = cuts == null ? Cuts.NONE : cuts;
        subtitles = subtitles == null ? Map.of() : Map.copyOf(subtitles);
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
    }
}
