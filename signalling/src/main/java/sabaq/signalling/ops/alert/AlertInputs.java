package sabaq.signalling.ops.alert;

import java.util.Map;
import java.util.OptionalDouble;

/** The metric values one evaluation of the {@link AlertEngine} sees (see {@link AlertMetrics} for the names). */
public interface AlertInputs {

    /** The value of a server-wide metric, or empty when it is not available (then no rule on it holds). */
    OptionalDouble server(String metric);

    /** The value of a lesson metric for each live lesson that has one, by lesson id. */
    Map<String, Double> perLesson(String metric);
}
