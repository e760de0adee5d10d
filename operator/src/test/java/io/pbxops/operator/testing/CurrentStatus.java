package io.pbxops.operator.testing;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.PbxOpsStatus;
import java.util.Optional;

/**
 * Reads a status only when it speaks of the object as it is now: written for its current {@code metadata.generation}
 * ({@code status.observedGeneration}, and the condition's own {@code observedGeneration} where it has one). A wait
 * built on these never passes on the status from before an edit.
 */
public final class CurrentStatus {

    private CurrentStatus() {}

    /** Whether {@code status.observedGeneration} is the object's {@code metadata.generation}. */
    public static boolean isCurrent(HasMetadata object, PbxOpsStatus status) {
        return object != null
                && status != null
                && object.getMetadata().getGeneration() != null
                && object.getMetadata().getGeneration().equals(status.getObservedGeneration());
    }

    /** The condition of that type, if the status and the condition were both written for the current generation. */
    public static Optional<Condition> condition(CustomResource<?, ? extends PbxOpsStatus> object, String type) {
        if (object == null || !isCurrent(object, object.getStatus())) {
            return Optional.empty();
        }
        Long generation = object.getMetadata().getGeneration();
        return object.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .filter(c -> c.getObservedGeneration() == null || generation.equals(c.getObservedGeneration()));
    }

    /** Whether the current status has that condition with that status and, unless null, that reason. */
    public static boolean has(
            CustomResource<?, ? extends PbxOpsStatus> object, String type, String status, String reason) {
        return condition(object, type)
                .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
                .isPresent();
    }

    /** Ready=True for the current generation. */
    public static boolean isReady(CustomResource<?, ? extends PbxOpsStatus> object) {
        return has(object, "Ready", "True", null);
    }

    /** The generations and conditions, for a failure message. */
    public static String describe(HasMetadata object, PbxOpsStatus status) {
        if (object == null) {
            return "no such object";
        }
        if (status == null) {
            return "generation " + object.getMetadata().getGeneration() + ", no status";
        }
        StringBuilder text =
                new StringBuilder("generation " + object.getMetadata().getGeneration() + ", status.observedGeneration "
                        + status.getObservedGeneration());
        for (Condition c : status.getConditions()) {
            text.append("\n  ")
                    .append(c.getType())
                    .append('=')
                    .append(c.getStatus())
                    .append(' ')
                    .append(c.getReason())
                    .append(" (observedGeneration ")
                    .append(c.getObservedGeneration())
                    .append("): ")
                    .append(c.getMessage());
        }
        return text.toString();
    }
}
