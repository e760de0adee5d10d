package io.pbxops.operator.decision;

import java.util.List;

/**
 * What one decision concluded for one object: the steps to take, in order, and what the object shows for the state
 * it observed (its conditions and the kind's own status fields). The reconciler executes the steps and shows the
 * {@code outcome} and {@code view} of the decision made again on what the steps left; {@code plan} renders the steps.
 *
 * @param view the kind's own status fields for the observed state
 */
public record Decision<V>(List<Step> steps, Outcome outcome, V view) {

    public Decision {
        steps = List.copyOf(steps);
    }

    /** Nothing to do: the object shows {@code outcome}. */
    public static <V> Decision<V> none(Outcome outcome, V view) {
        return new Decision<>(List.of(), outcome, view);
    }

    /** The steps that write to the cloud, a PBX or a Secret. */
    public List<Step> writes() {
        return steps.stream().filter(Step::writes).toList();
    }

    /** The steps of one type, in order. */
    public <T extends Step> List<T> steps(Class<T> type) {
        return steps.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
