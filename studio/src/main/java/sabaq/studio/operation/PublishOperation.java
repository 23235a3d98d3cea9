package sabaq.studio.operation;

import sabaq.recorder.storage.StorageException;
import sabaq.studio.Json;
import sabaq.studio.StudioServices;
import sabaq.studio.catalog.CatalogEntry;
import sabaq.studio.course.Course;
import sabaq.studio.course.CourseModule;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.LocalizedText;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.store.StoreFiles;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code publish} (a course step): writes the course manifest ({@code manifest.json} of the publication: titles,
 * modules, and each lesson's {@link LessonManifest}) and then the catalog entry, which is what makes the course
 * visible to students. The catalog entry is written last, so a course is never listed before all its files are
 * stored.
 */
public final class PublishOperation implements Operation {
    public static final String MANIFEST = "manifest.json";

    /** The published course manifest. */
    public record CourseManifest(int version, String courseId, String publicationId, long publishedAt, LocalizedText title,
                                 LocalizedText description, List<ModuleManifest> modules) {
    }

    /** A module of the manifest. */
    public record ModuleManifest(String id, LocalizedText title, List<LessonManifest> lessons) {
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        StudioServices s = ctx.services();
        Course c = ctx.course();
        long now = s.time().epochMillis();
        List<ModuleManifest> modules = new ArrayList<>();
        double duration = 0;
        String poster = null;
        int lessons = 0;
        try {
            for (CourseModule m : c.modules()) {
                List<LessonManifest> ls = new ArrayList<>();
                for (Lesson l : m.lessons()) {
                    Path p = ctx.lessonArtifact(l.id(), UploadOperation.LESSON_MANIFEST).orElseThrow(() ->
                            new OperationException(StudioError.INTERNAL, Map.of("detail", "lesson " + l.id() + " not uploaded"),
                                    "no lesson manifest for " + l.id()));
                    LessonManifest lm = Json.read(p, LessonManifest.class);
                    ls.add(lm);
                    duration += lm.durationSeconds();
                    if (poster == null) poster = lm.poster();
                    lessons++;
                }
                modules.add(new ModuleManifest(m.id(), m.title(), ls));
            }
        } catch (IOException e) {
            throw Plans.internal(e);
        }
        CourseManifest manifest = new CourseManifest(1, c.id(), ctx.jobId(), now, c.title(), c.description(), modules);
        String prefix = UploadOperation.publicationPrefix(c.id(), ctx.jobId());
        try {
            StoreFiles.putJson(s.store(), prefix + MANIFEST, manifest, ctx.outputDir());
            ctx.progress(0.5);
            s.catalog().put(new CatalogEntry(c.id(), ctx.jobId(), c.title(), c.description(), modules.size(), lessons,
                    Math.round(duration * 10) / 10.0, poster, prefix + MANIFEST, now));
        } catch (StorageException e) {
            throw new OperationException(StudioError.STORAGE_FAILED, Map.of("detail", String.valueOf(e.getMessage())), e.getMessage(), e);
        }
        try {
            Path out = ctx.outputDir().resolve("publication.json");
            Json.write(out, manifest);
            ctx.output("publication", out);
        } catch (IOException e) {
            throw Plans.internal(e);
        }
        ctx.progress(1);
    }
}
