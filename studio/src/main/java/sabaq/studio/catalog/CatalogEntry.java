package sabaq.studio.catalog;

import sabaq.studio.course.LocalizedText;

/**
 * A published course as the catalog lists it.
 *
 * @param publicationId the publish job that made it; its files are under {@code published/<courseId>/<publicationId>/}
 * @param manifest      the object key of the course manifest
 * @param poster        path of the poster relative to the publication, or null
 */
public record CatalogEntry(String courseId, String publicationId, LocalizedText title, LocalizedText description,
                           int modules, int lessons, double durationSeconds, String poster, String manifest,
                           long publishedAt) {
}
