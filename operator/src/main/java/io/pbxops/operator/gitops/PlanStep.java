package io.pbxops.operator.gitops;

import io.pbxops.operator.mapping.FieldChange;
import java.util.List;

/**
 * One thing an apply would do to an object.
 *
 * @param summary what, in words (never a secret value)
 * @param fields    the fields it writes, old → new (masked when rendered)
 * @param cloudLink for a link or unlink, {@code systemId/siteId}
 */
public record PlanStep(PlanAction action, String summary, List<FieldChange> fields, String cloudLink) {

    public PlanStep {
        fields = List.copyOf(fields);
    }

    public PlanStep(PlanAction action, String summary, List<FieldChange> fields) {
        this(action, summary, fields, null);
    }

    public static PlanStep of(PlanAction action, String summary) {
        return new PlanStep(action, summary, List.of());
    }
}
