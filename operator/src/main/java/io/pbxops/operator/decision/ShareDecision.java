package io.pbxops.operator.decision;

import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.cloud.model.CloudSystem;
import java.util.List;
import java.util.Optional;

/**
 * A PbxShare: the shared PBX linked to the site of one more company (the admin UI's "Shared" association). Deleting
 * it removes the PBX from that company only.
 */
public final class ShareDecision {

    /**
     * @param systemId the shared Pbx's system; null while it is not in the cloud yet (a plan: the reconciler waits)
     * @param siteId   the company's site; null likewise
     */
    public record Desired(PbxShare share, String pbxName, String companyName, String systemId, String siteId) {}

    /** The shared system, read by its ID. */
    public record Observation(Optional<CloudSystem> system) {}

    /**
     * What a deletion knows.
     *
     * @param linked whether the system is linked to the site (the reconciler does not read it: an unlink of what is
     *               gone changes nothing)
     */
    public record DeletionObservation(String systemId, String siteId, boolean linked) {}

    public record View(Boolean linked, String siteId) {}

    private ShareDecision() {}

    public static Decision<View> decide(Desired desired, Observation observed, DecisionContext context) {
        if (context.claim().heldByAnother()) {
            return ClaimOutcomes.waiting(desired.share(), context, new View(null, null));
        }
        if (desired.systemId() == null || desired.siteId() == null) {
            return new Decision<>(
                    List.of(new Step.Link(desired.systemId(), desired.siteId(), desired.companyName())),
                    Outcome.waitingFor(
                            Conditions.Ready.DEPENDENCY_NOT_READY,
                            "waiting for Pbx " + desired.pbxName() + " and Company " + desired.companyName()
                                    + " to be in the cloud"),
                    new View(null, null));
        }
        if (observed.system().isEmpty()) {
            return Decision.none(
                    Outcome.waitingFor(
                            Conditions.Ready.DEPENDENCY_NOT_READY,
                            "system " + desired.systemId() + " of Pbx " + desired.pbxName()
                                    + " is not in the cloud; waiting for the Pbx to declare it again"),
                    new View(null, null));
        }
        Outcome available =
                Outcome.available("PBX " + desired.pbxName() + " is associated with company " + desired.companyName());
        View linked = new View(true, desired.siteId());
        if (observed.system().get().isLinkedTo(desired.siteId())) {
            return Decision.none(available, linked);
        }
        return new Decision<>(
                List.of(new Step.Link(desired.systemId(), desired.siteId(), desired.companyName())),
                Outcome.progressing(Conditions.Ready.CREATING, "associating the shared PBX with the company", null),
                new View(false, desired.siteId()));
    }

    public static Decision<View> decideDeletion(
            Desired desired, DeletionObservation observed, DecisionContext context) {
        PbxShare share = desired.share();
        View view = new View(observed.linked() && observed.siteId() != null, observed.siteId());
        Optional<Step> orphan = Deletions.orphan(share, share.getSpec().effectiveDeletionPolicy());
        if (orphan.isPresent()) {
            return new Decision<>(List.of(orphan.get()), Outcome.deleting("leaving the link in the cloud", null), view);
        }
        if (context.claim().heldByAnother()) {
            return Decision.none(ClaimOutcomes.notOurs(context.claim()), view);
        }
        if (observed.systemId() == null || observed.siteId() == null || !observed.linked()) {
            // Never linked, or the PBX is gone (its deletion removed every link).
            return Decision.none(Outcome.deleting("nothing is linked", null), view);
        }
        return new Decision<>(
                List.of(new Step.Unlink(observed.systemId(), observed.siteId(), desired.companyName())),
                Outcome.deleting("removing the shared PBX from company " + desired.companyName(), null),
                view);
    }
}
