package io.pbxops.operator.reconcile;

import io.pbxops.operator.decision.Outcome;
import java.util.Objects;

/**
 * The first stage of a reconcile: the desired state with its references resolved from the informer caches, or what
 * the object shows while one of them is missing, not ready, or in conflict (no cloud call is made then).
 */
public record Resolution<D>(D desired, Outcome waiting) {

    public static <D> Resolution<D> of(D desired) {
        return new Resolution<>(Objects.requireNonNull(desired, "desired"), null);
    }

    public static <D> Resolution<D> waiting(Outcome outcome) {
        return new Resolution<>(null, Objects.requireNonNull(outcome, "outcome"));
    }

    public boolean resolved() {
        return waiting == null;
    }
}
