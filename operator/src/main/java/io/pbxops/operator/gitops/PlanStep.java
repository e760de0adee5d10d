package io.pbxops.operator.gitops;

import io.pbxops.operator.mapping.FieldChange;
import java.util.List;

/**
 * One thing an apply would do to an object.
 *
 * @param summary what, in words (never a secret value)
 * @param fields  the fields it writes, old → new (masked when rendered)
 */
public record PlanStep(PlanAction action, String summary, List<FieldChange> fields) {

    public PlanStep {
        fields = List.copyOf(fields);
    }

    public static PlanStep of(PlanAction action, String summary) {
        return new PlanStep(action, summary, List.of());
    }
}
