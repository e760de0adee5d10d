package io.pbxops.operator.reconcile.gateway;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.GatewayState;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.api.WebRtcGatewayStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.mapping.Changes;
import io.pbxops.operator.mapping.GatewayMapping;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudLookups;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.Outcome;
import io.pbxops.operator.reconcile.Reasons;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.validation.FleetProblem;
import io.pbxops.operator.validation.FleetRules;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A WebRtcGateway: created on its Pbx's system, kept at the wanted software version (or the newest one for
 * {@code latest}), in or out of maintenance, carrying its Pbx's "used as default route"; removed with the object.
 */
@ControllerConfiguration(name = "webrtcgateway")
public class WebRtcGatewayReconciler extends CloudReconciler<WebRtcGateway, WebRtcGatewayStatus>
        implements Cleaner<WebRtcGateway> {

    static final String PBXS = "pbx-of-gateway";

    public WebRtcGatewayReconciler(
            ReconcileSupport support, CloudPort cloud, CloudLedger ledger, DriftTrigger<WebRtcGateway> drift) {
        super(support, cloud, ledger, drift);
    }

    @Override
    public List<EventSource<?, WebRtcGateway>> prepareEventSources(EventSourceContext<WebRtcGateway> context) {
        return List.of(
                ReferenceIndex.referencedBy(
                        Pbx.class,
                        context,
                        PBXS,
                        gateway -> Optional.ofNullable(gateway.getSpec())
                                .map(s -> s.getPbxRef())
                                .map(r -> r.getName())),
                drift.eventSource());
    }

    @Override
    protected WebRtcGatewayStatus newStatus() {
        return new WebRtcGatewayStatus();
    }

    @Override
    protected Outcome sync(WebRtcGateway gateway, Context<WebRtcGateway> context) {
        Optional<Outcome> invalid = invalid(gateway);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<Pbx> found = ReferenceIndex.lookup(
                context,
                Pbx.class,
                PBXS,
                gateway.getMetadata().getNamespace(),
                gateway.getSpec().getPbxRef().getName());
        List<FleetProblem> problemsBetween = FleetRules.checkGateway(
                gateway,
                CacheFleetView.empty()
                        .withPbxs(() -> found.map(List::of).orElse(List.of()))
                        .withGateways(() -> context.getPrimaryCache().list().toList()));
        if (!problemsBetween.isEmpty()) {
            return Outcome.of(problemsBetween.get(0));
        }
        Pbx pbx = found.get();
        String systemId = pbx.getStatus() == null ? null : pbx.getStatus().getSystemId();
        if (systemId == null) {
            return Outcome.waitingFor(
                    Reasons.DEPENDENCY_NOT_READY,
                    "waiting for Pbx " + pbx.getMetadata().getName() + " to be declared in the cloud");
        }
        String fingerprint = CloudLedger.hash(Arrays.asList(
                gateway.getSpec(),
                ExternalIds.of(gateway),
                systemId,
                pbx.getSpec().getWebRtc()));
        if (unchanged(ledger, gateway, fingerprint)) {
            return Outcome.UNCHANGED;
        }

        CloudMediaPillar observed = observe(gateway, systemId);
        if (observed == null) {
            observed = cloud.gateways().create(GatewayMapping.newGateway(gateway, pbx, systemId));
            ExternalIds.record(support, gateway, observed.id());
            support.events()
                    .normal(
                            gateway,
                            "Created",
                            "created " + observed.type() + " WebRTC gateway " + observed.pbxId() + " on system "
                                    + systemId + ", version " + observed.runningVersion());
        } else {
            Changes<MediaPillarSettings> changes = GatewayMapping.diff(observed, gateway, pbx);
            if (!changes.isEmpty()) {
                observed = cloud.gateways().update(observed.id(), changes.update());
                support.events()
                        .normal(
                                gateway,
                                "Updated",
                                "updated WebRTC gateway " + observed.pbxId() + ": " + changes.describe());
            }
        }
        WebRtcGatewayStatus status = gateway.getStatus();
        status.setGatewayId(observed.pbxId());
        status.setRunningVersion(observed.runningVersion());
        status.setAvailableVersion(observed.availableVersion());
        GatewayState state = GatewayMapping.state(observed);
        status.setState(state);
        Outcome outcome = switch (state) {
            case Online ->
                Outcome.available(
                        "WebRTC gateway " + observed.pbxId() + " online, version " + observed.runningVersion());
            case Upgrading ->
                Outcome.progressing(
                        Conditions.Ready.UNAVAILABLE,
                        "upgrading from " + observed.runningVersion() + " to " + observed.targetVersion(),
                        support.settings().pendingRecheck());
            case Maintenance ->
                Outcome.progressing(
                        Conditions.Ready.UNAVAILABLE, "in maintenance mode, as spec.maintenance asks", null);
            case Offline ->
                Outcome.progressing(
                        Conditions.Ready.UNAVAILABLE,
                        "the gateway is offline",
                        support.settings().pendingRecheck());
        };
        if (state == GatewayState.Online || state == GatewayState.Maintenance) {
            ledger.applied(key(gateway), fingerprint, observed.id(), GatewayMapping.signature(observed));
        } else {
            ledger.forget(key(gateway));
        }
        return outcome;
    }

    private CloudMediaPillar observe(WebRtcGateway gateway, String systemId) {
        String knownId = ExternalIds.of(gateway);
        CloudLookups.Found<CloudMediaPillar> found = lookups.gateway(knownId, gateway, systemId);
        if (found.knownIdMissing()) {
            support.events()
                    .warning(
                            gateway,
                            "CloudObjectMissing",
                            "WebRTC gateway " + knownId + " is not in the cloud any more; creating it again");
        }
        if (found.object().isPresent() && !found.object().get().id().equals(knownId)) {
            ExternalIds.record(support, gateway, found.object().get().id());
            support.events()
                    .normal(
                            gateway,
                            "Adopted",
                            "adopted the existing WebRTC gateway "
                                    + found.object().get().pbxId());
        }
        return found.object().orElse(null);
    }

    @Override
    public DeleteControl cleanup(WebRtcGateway gateway, Context<WebRtcGateway> context) {
        return cleanupWith(gateway, gateway.getSpec().effectiveDeletionPolicy(), this::deleteInCloud);
    }

    private Duration deleteInCloud(WebRtcGateway gateway) {
        ledger.forget(key(gateway));
        String id = ExternalIds.of(gateway);
        if (id != null && cloud.gateways().delete(id)) {
            support.events()
                    .normal(
                            gateway,
                            "Deleted",
                            "removed WebRTC gateway " + gateway.getStatus().getGatewayId());
        }
        return null;
    }
}
