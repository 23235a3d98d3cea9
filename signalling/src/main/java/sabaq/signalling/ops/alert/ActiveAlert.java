package sabaq.signalling.ops.alert;

import java.util.Map;

/**
 * An alert that fired and has not resolved yet.
 *
 * @param ruleId the rule's id
 * @param lessonId the lesson it is about, or null for a server-wide rule
 * @param severity the rule's severity
 * @param titles the rule's title by language
 * @param condition the rule's condition, canonical text
 * @param value the metric's value (or its increase) at the last evaluation
 * @param sinceEpochMillis when the condition started to hold (wall clock)
 * @param firedAtEpochMillis when the alert fired (later than {@code since} by the rule's {@code for} duration)
 */
public record ActiveAlert(String ruleId, String lessonId, Severity severity, Map<String, String> titles,
                          String condition, double value, long sinceEpochMillis, long firedAtEpochMillis) {
}
