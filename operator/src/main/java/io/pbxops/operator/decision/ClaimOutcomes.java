package io.pbxops.operator.decision;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** What an object shows when another object holds the cloud object it claims. */
final class ClaimOutcomes {

    private ClaimOutcomes() {}

    static Outcome conflict(HasMetadata object, Claim claim) {
        return Outcome.conflict(claim.holder() + " owns the cloud object " + object.getKind() + " "
                + object.getMetadata().getName() + " claims; nothing is written while it does (remove the claim, or "
                + "delete this object: its deletion changes nothing in the cloud)");
    }

    static Outcome notOurs(Claim claim) {
        return Outcome.deleting(
                claim.holder() + " owns the cloud object: deleting this object changes nothing in the cloud", null);
    }
}
