package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.pbxops.operator.api.PbxOpsStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Sets Kubernetes-style conditions: the transition time moves only when the condition's status does. */
public final class StatusConditions {

    private final Clock clock;

    public StatusConditions(Clock clock) {
        this.clock = clock;
    }

    public void set(PbxOpsStatus status, long generation, String type, boolean value, String reason, String message) {
        String newStatus = value ? "True" : "False";
        List<Condition> conditions = status.getConditions();
        Optional<Condition> existing = find(conditions, type);
        String transition = existing.filter(c -> newStatus.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime)
                .orElseGet(
                        () -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        Condition condition = new ConditionBuilder()
                .withType(type)
                .withStatus(newStatus)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(transition)
                .withObservedGeneration(generation)
                .build();
        existing.ifPresentOrElse(
                c -> conditions.set(conditions.indexOf(c), condition), () -> conditions.add(condition));
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream()
                .filter(c -> Objects.equals(type, c.getType()))
                .findFirst();
    }

    public static boolean isTrue(PbxOpsStatus status, String type) {
        return status != null
                && find(status.getConditions(), type)
                        .map(c -> "True".equals(c.getStatus()))
                        .orElse(false);
    }

    public static Optional<String> reason(PbxOpsStatus status, String type) {
        return status == null
                ? Optional.empty()
                : find(status.getConditions(), type).map(Condition::getReason);
    }
}
