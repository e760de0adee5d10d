package io.pbxops.operator.gitops;

import java.util.List;

/**
 * What an apply would do to one declared object (or one removed from the manifests).
 *
 * @param cloudId the cloud object it stands for, null when there is none yet
 * @param paused  the object carries {@code pbxops.io/paused: "true"}: nothing is applied while it does
 */
public record ObjectPlan(
        String kind, String namespace, String name, String cloudId, List<PlanStep> steps, boolean paused) {

    public ObjectPlan {
        steps = List.copyOf(steps);
    }

    /** The steps that write to the cloud or a PBX (none while paused). */
    public List<PlanStep> changes() {
        return paused
                ? List.of()
                : steps.stream().filter(step -> step.action().isChange()).toList();
    }

    public String reference() {
        return kind + "/" + name;
    }
}
