package sabaq.studio.operation;

import sabaq.studio.Json;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reading and writing the {@code plan} artifact (an {@link EditPlan} as JSON). */
final class Plans {
    static final String PLAN = "plan";

    private Plans() {
    }

    static EditPlan read(StepContext ctx) throws OperationException {
        Path p = ctx.require(PLAN);
        try {
            return Json.read(p, EditPlan.class);
        } catch (IOException e) {
            throw internal(e);
        }
    }

    static void write(StepContext ctx, EditPlan plan) throws OperationException {
        Path out = ctx.outputDir().resolve("plan.json");
        try {
            Json.write(out, plan);
        } catch (IOException e) {
            throw internal(e);
        }
        ctx.output(PLAN, out);
    }

    /** A path relative to the job's working directory (plans are portable across resumes). */
    static String relative(StepContext ctx, Path file) {
        Path work = ctx.outputDir().getParent().getParent();
        return work.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** The job's working directory. */
    static Path work(StepContext ctx) {
        return ctx.outputDir().getParent().getParent();
    }

    static OperationException internal(Exception e) {
        return new OperationException(StudioError.INTERNAL, Map.of("detail", String.valueOf(e.getMessage())), String.valueOf(e), e);
    }
}
