package io.pbxops.operator.decision;

import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.GatewayState;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.mapping.Changes;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.mapping.GatewayMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WebRtcGateway: created on its Pbx's system, kept at the wanted software version (or the newest one for
 * {@code latest}), in or out of maintenance, carrying its Pbx's "used as default route"; removed with the object.
 */
public final class GatewayDecision {

    /** Stands for the system of a Pbx that is not in the cloud yet (a plan only). */
    static final String SYSTEM_TO_BE_CREATED = "-";

    /** @param systemId its Pbx's system; null while that is not in the cloud yet (a plan: the reconciler waits) */
    public record Desired(WebRtcGateway gateway, Pbx pbx, String systemId) {}

    public record Observation(Observed<CloudMediaPillar> gateway) {}

    /** What a deletion finds: the gateway by the ID known for it. */
    public record DeletionObservation(Optional<CloudMediaPillar> gateway) {}

    public record View(String gatewayId, String runningVersion, String availableVersion, GatewayState state) {

        static final View NONE = new View(null, null, null, null);

        static View of(CloudMediaPillar gateway) {
            return new View(
                    gateway.pbxId(),
                    gateway.runningVersion(),
                    gateway.availableVersion(),
                    GatewayMapping.state(gateway));
        }
    }

    private GatewayDecision() {}

    public static Decision<View> decide(Desired desired, Observation observed, DecisionContext context) {
        WebRtcGateway gateway = desired.gateway();
        if (context.claim().heldByAnother()) {
            return ClaimOutcomes.waiting(gateway, context, View.NONE);
        }
        if (!context.capabilities().gatewayAdministration()) {
            return new Decision<>(
                    List.of(new Step.Unsupported(
                            Capabilities.GATEWAY_ADMINISTRATION, "the gateway is neither created nor changed")),
                    Outcome.unsupported(
                            "this cloud does not serve " + Capabilities.GATEWAY_ADMINISTRATION
                                    + ": the gateway is neither created nor changed (looked at again later)",
                            context.unsupportedRecheck()),
                    View.NONE);
        }
        List<Step> steps = new ArrayList<>();
        CloudMediaPillar found = observed.gateway().object().orElse(null);
        if (found == null) {
            String systemId = desired.systemId() == null ? SYSTEM_TO_BE_CREATED : desired.systemId();
            String on = desired.systemId() == null
                    ? "Pbx/" + desired.pbx().getMetadata().getName() + " once it exists"
                    : "system " + desired.systemId();
            steps.add(new Step.CreateGateway(GatewayMapping.newGateway(gateway, desired.pbx(), systemId), on));
            return new Decision<>(
                    steps,
                    Outcome.progressing(Conditions.Ready.CREATING, "creating the WebRTC gateway on " + on, null),
                    View.NONE);
        }
        Adoption.ifNew(
                steps,
                Annotations.externalId(gateway),
                CloudRef.gateway(found.id()),
                "gateway \"" + found.name() + "\"");
        Changes<MediaPillarSettings> changes = GatewayMapping.diff(found, gateway, desired.pbx());
        if (!changes.isEmpty()) {
            steps.add(new Step.UpdateGateway(found.id(), found.pbxId(), changes));
        }
        return new Decision<>(steps, outcome(found, context), View.of(found));
    }

    private static Outcome outcome(CloudMediaPillar found, DecisionContext context) {
        return switch (GatewayMapping.state(found)) {
            case Online ->
                Outcome.available("WebRTC gateway " + found.pbxId() + " online, version " + found.runningVersion());
            case Upgrading ->
                Outcome.progressing(
                        Conditions.Ready.UNAVAILABLE,
                        "upgrading from " + found.runningVersion() + " to " + found.targetVersion(),
                        context.pendingRecheck());
            case Maintenance ->
                Outcome.progressing(
                        Conditions.Ready.UNAVAILABLE, "in maintenance mode, as spec.maintenance asks", null);
            case Offline ->
                Outcome.progressing(Conditions.Ready.UNAVAILABLE, "the gateway is offline", context.pendingRecheck());
        };
    }

    public static Decision<View> decideDeletion(
            Desired desired, DeletionObservation observed, DecisionContext context) {
        WebRtcGateway gateway = desired.gateway();
        View view = observed.gateway().map(View::of).orElse(View.NONE);
        Optional<Step> orphan = Deletions.orphan(gateway, gateway.getSpec().effectiveDeletionPolicy());
        if (orphan.isPresent()) {
            return new Decision<>(
                    List.of(orphan.get()), Outcome.deleting("leaving the gateway in the cloud", null), view);
        }
        if (context.claim().heldByAnother()) {
            return Decision.none(ClaimOutcomes.notOurs(context.claim()), view);
        }
        if (!context.capabilities().gatewayAdministration()) {
            return new Decision<>(
                    List.of(new Step.Unsupported(
                            Capabilities.GATEWAY_ADMINISTRATION, "the gateway in the cloud, if any, is left as it is")),
                    Outcome.deleting("this cloud does not serve " + Capabilities.GATEWAY_ADMINISTRATION, null),
                    view);
        }
        if (observed.gateway().isEmpty()) {
            return Decision.none(Outcome.deleting("the gateway is not in the cloud", null), view);
        }
        CloudMediaPillar found = observed.gateway().get();
        return new Decision<>(
                List.of(new Step.DeleteGateway(found.id(), found.name())),
                Outcome.deleting("removing WebRTC gateway " + found.name(), null),
                view);
    }
}
