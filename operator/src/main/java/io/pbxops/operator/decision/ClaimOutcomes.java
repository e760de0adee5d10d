package io.pbxops.operator.decision;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** What an object shows when another object holds the cloud object it claims. */
final class ClaimOutcomes {

    private ClaimOutcomes() {}

    static Outcome conflict(HasMetadata object, DecisionContext context) {
        Claim claim = context.claim();
        return Outcome.conflict(
                claim.holder() + " owns the cloud object " + object.getKind() + " "
                        + object.getMetadata().getName()
                        + " claims; nothing is written while it does (remove the claim, or "
                        + "delete this object: its deletion changes nothing in the cloud)",
                context.blockedRecheck());
    }

    /** The decision of a claimant that waits: no step but the wait, which a plan shows. */
    static <V> Decision<V> waiting(HasMetadata object, DecisionContext context, V view) {
        Outcome outcome = conflict(object, context);
        return new Decision<>(
                List.of(new Step.Wait("Conflict", outcome.readyMessage(), context.blockedRecheck())), outcome, view);
    }

    static Outcome notOurs(Claim claim) {
        return Outcome.deleting(
                claim.holder() + " owns the cloud object: deleting this object changes nothing in the cloud", null);
    }
}
