package sabaq.signalling.ops.alert;

import java.util.Map;
import java.util.Objects;

/**
 * One configured alert rule: an id (also the {@code rule} label of {@code sabaq_alert_active}), the condition, the
 * severity and a title in each of the web client's languages ({@code kk}, {@code ru}, {@code en}).
 */
public record AlertRule(String id, AlertCondition condition, Severity severity, Map<String, String> titles) {
    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        titles = Map.copyOf(titles);
    }

    public AlertMetrics.Scope scope() {
        return AlertMetrics.scopeOf(condition.metric()).orElseThrow();
    }
}
