package io.pbxops.operator.gitops;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an apply of a set of manifests would do to the cloud and the PBXs, object by object, with the cloud objects of
 * the scope that no manifest declares and what cannot be known offline.
 */
public record FleetPlan(List<ObjectPlan> objects, List<UnmanagedObject> notManaged, List<String> cannotKnow) {

    public FleetPlan {
        objects = List.copyOf(objects);
        notManaged = List.copyOf(notManaged);
        cannotKnow = List.copyOf(cannotKnow);
    }

    public boolean hasChanges() {
        return objects.stream().anyMatch(o -> !o.changes().isEmpty());
    }

    /** How many steps of each action, paused objects left out. */
    public Map<PlanAction, Integer> counts() {
        Map<PlanAction, Integer> counts = new EnumMap<>(PlanAction.class);
        for (PlanAction action : PlanAction.values()) {
            counts.put(action, 0);
        }
        objects.stream()
                .filter(o -> !o.paused())
                .flatMap(o -> o.steps().stream())
                .forEach(step -> counts.merge(step.action(), 1, Integer::sum));
        return counts;
    }
}
