package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.FleetView;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an apply resets a PBX. The operator resets once per new {@code resetToken} and remembers the last one in
 * {@code status.lastResetToken}, which a plan cannot see: a token is known to be new when the Pbx is new, or when it
 * differs from the one in the manifests before the change ({@code --base}); otherwise it may or may not be.
 */
final class ResetPlanner {

    private final DeclaredFleet base;

    ResetPlanner(DeclaredFleet base) {
        this.base = base;
    }

    Optional<PlanStep> plan(Pbx pbx, CloudSystem system) {
        String token = pbx.getSpec().getResetToken();
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String consequence = ": the PBX is disconnected, a new activation code goes to Secret "
                + Planner.activationSecret(pbx) + ", and the PBX is Pending until the code is entered again";
        if (system == null) {
            return Optional.of(PlanStep.of(
                    PlanAction.RESET, "right after it is declared, for resetToken \"" + token + "\"" + consequence));
        }
        if (base == null) {
            return Optional.of(PlanStep.of(
                    PlanAction.UNKNOWN,
                    "resetToken \"" + token + "\" resets the PBX once if the operator "
                            + "has not applied it yet (it keeps the last one in status.lastResetToken; --base compares with the "
                            + "manifests before the change)"));
        }
        String before = base.pbx(FleetView.namespaceOf(pbx), pbx.getMetadata().getName())
                .map(p -> p.getSpec().getResetToken())
                .orElse(null);
        if (Objects.equals(token, before)) {
            return Optional.empty();
        }
        return Optional.of(PlanStep.of(
                PlanAction.RESET,
                "resetToken "
                        + (before == null || before.isEmpty()
                                ? "set to \"" + token + "\""
                                : "changed from \"" + before + "\" to \"" + token + "\"")
                        + consequence));
    }
}
