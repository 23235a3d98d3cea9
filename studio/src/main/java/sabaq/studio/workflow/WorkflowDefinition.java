package sabaq.studio.workflow;

import sabaq.studio.yaml.DefinitionException;
import sabaq.studio.yaml.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declarative workflow (studio/src/main/resources/workflows/{id}.yaml): the steps run for each lesson, in order,
 * then the steps run once for the course. Each step names a small stateless {@link Operation}; its {@code with}
 * mapping configures it (artifact names, encoding profile, profile parameters).
 *
 * <pre>
 * id: publish-course
 * lesson:
 *   - id: cut
 *     operation: trim
 *     if: cuts            # optional: run only when the lesson has this feature
 *     weight: 0.01        # seconds of work per second of media (progress, ETA)
 *     with: { plan: plan }
 * course:
 *   - id: publish
 *     operation: publish
 * </pre>
 */
public record WorkflowDefinition(String id, String description, List<StepDefinition> lessonSteps,
                                 List<StepDefinition> courseSteps) {
    public static final Set<String> CONDITIONS = Set.of("intro", "outro", "pip", "subtitles", "audio-description", "chapters", "cuts");
    private static final Set<String> KEYS = Set.of("id", "description", "lesson", "course");
    private static final Set<String> STEP_KEYS = Set.of("id", "operation", "if", "with", "weight", "fail-on-error", "description");

    public WorkflowDefinition {
        lessonSteps = List.copyOf(lessonSteps);
        courseSteps = List.copyOf(courseSteps);
    }

    /** The step with this id. */
    public StepDefinition step(String stepId) {
        for (StepDefinition s : lessonSteps) if (s.id().equals(stepId)) return s;
        for (StepDefinition s : courseSteps) if (s.id().equals(stepId)) return s;
        throw new IllegalArgumentException("workflow " + id + " has no step " + stepId);
    }

    /** Reads {@code workflows/<id>.yaml} from the class path and checks that every operation exists. */
    public static WorkflowDefinition load(String id, Set<String> operations) {
        if (!id.matches("[a-z][a-z0-9-]{0,40}")) throw new DefinitionException("bad workflow id: " + id);
        String resource = "workflows/" + id + ".yaml";
        try (InputStream in = WorkflowDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new DefinitionException("no workflow '" + id + "' (" + resource + ")");
            return parse(resource, id, new String(in.readAllBytes(), StandardCharsets.UTF_8), operations);
        } catch (IOException e) {
            throw new DefinitionException("cannot read " + resource + ": " + e.getMessage());
        }
    }

    public static WorkflowDefinition parse(String source, String expectedId, String yaml, Set<String> operations) {
        YamlNode root = YamlNode.parse(source, yaml).only(KEYS);
        String id = root.string("id");
        if (!id.equals(expectedId)) throw root.get("id").error("must be '" + expectedId + "' (the file name)");
        Set<String> ids = new HashSet<>();
        List<StepDefinition> lesson = steps(root.list("lesson"), operations, ids);
        List<StepDefinition> course = steps(root.list("course"), operations, ids);
        if (lesson.isEmpty() && course.isEmpty()) throw root.error("has no steps");
        return new WorkflowDefinition(id, root.string("description", ""), lesson, course);
    }

    private static List<StepDefinition> steps(List<YamlNode> nodes, Set<String> operations, Set<String> ids) {
        List<StepDefinition> out = new ArrayList<>();
        for (YamlNode n : nodes) {
            n.only(STEP_KEYS);
            String id = n.string("id");
            if (!id.matches("[a-z][a-z0-9-]{0,40}")) throw n.get("id").error("must be lower-case letters, digits and '-'");
            if (!ids.add(id)) throw n.get("id").error("duplicate step id " + id);
            String op = n.string("operation");
            if (!operations.contains(op)) throw n.get("operation").error("unknown operation '" + op + "' (known: " + operations + ")");
            String condition = n.has("if") ? n.string("if") : null;
            if (condition != null && !CONDITIONS.contains(condition)) throw n.get("if").error("must be one of " + CONDITIONS);
            double weight = n.number("weight", 0.01);
            if (!(weight >= 0 && weight <= 100)) throw n.get("weight").error("must be in [0, 100]");
            Map<String, String> with = new LinkedHashMap<>(n.stringMap("with"));
            out.add(new StepDefinition(id, op, condition, with, weight, n.bool("fail-on-error", true)));
        }
        return out;
    }
}
