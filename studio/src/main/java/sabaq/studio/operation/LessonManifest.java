package sabaq.studio.operation;

import sabaq.studio.course.LocalizedText;

import java.util.List;

/**
 * A published lesson as the course page reads it (part of the course manifest). Paths are relative to the
 * publication ({@code published/<courseId>/<publicationId>/}).
 */
public record LessonManifest(String id, LocalizedText title, LocalizedText description, double durationSeconds,
                             String master, String poster, List<String> renditions, List<Track> subtitles,
                             List<Track> chapterTracks, List<ChaptersOperation.PublishedChapter> chapters,
                             boolean audioDescription, boolean signLanguage) {
    /** A text track file of one language. */
    public record Track(String language, String path) {
    }
}
