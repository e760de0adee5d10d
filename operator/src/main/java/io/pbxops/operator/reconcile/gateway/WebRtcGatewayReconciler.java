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
import io.pbxops.operator.cloud.CloudNotFoundException;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.decision.Decision;
import io.pbxops.operator.decision.DecisionContext;
import io.pbxops.operator.decision.GatewayDecision;
import io.pbxops.operator.decision.Observed;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.decision.Step;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudOwners;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.CloudSignatures;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.reconcile.Resolution;
import io.pbxops.operator.reconcile.StatusEdits;
import io.pbxops.operator.validation.FleetProblem;
import io.pbxops.operator.validation.FleetRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A WebRtcGateway: created on its Pbx's system, kept at the wanted software version (or the newest one for
 * {@code latest}), in or out of maintenance, carrying its Pbx's "used as default route"; removed with the object.
 */
@ControllerConfiguration(name = "webrtcgateway")
public class WebRtcGatewayReconciler extends CloudReconciler<WebRtcGateway, WebRtcGatewayStatus>
        implements Cleaner<WebRtcGateway> {

    static final String PBXS = "pbx-of-gateway";

    private final CloudOwners gatewayOwners;

    public WebRtcGatewayReconciler(
            ReconcileSupport support,
            CloudPort cloud,
            CloudLedger ledger,
            DriftTrigger<WebRtcGateway> drift,
            CloudOwners gatewayOwners) {
        super(support, cloud, ledger, drift);
        this.gatewayOwners = gatewayOwners;
    }

    @Override
    public List<EventSource<?, WebRtcGateway>> prepareEventSources(EventSourceContext<WebRtcGateway> context) {
        claims.register(context);
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
        Resolution<GatewayDecision.Desired> resolution = resolve(gateway, context);
        if (!resolution.resolved()) {
            return resolution.waiting();
        }
        GatewayDecision.Desired desired = resolution.desired();
        Pbx pbx = desired.pbx();
        String systemId = desired.systemId();
        String fingerprint = CloudLedger.hash(Arrays.asList(
                gateway.getSpec(),
                ExternalIds.of(gateway),
                systemId,
                pbx.getSpec().getWebRtc()));
        if (unchanged(ledger, gateway, fingerprint)) {
            return Outcome.UNCHANGED;
        }
        Optional<Observed<CloudMediaPillar>> found = observe(gateway, systemId);
        if (found.isEmpty()) {
            // Not served by this cloud: nothing is called; the decision says so.
            ledger.forget(id(gateway));
            return GatewayDecision.decide(
                            desired, new GatewayDecision.Observation(Observed.absent()), decisionContext(gateway))
                    .outcome();
        }
        GatewayDecision.Observation observed = new GatewayDecision.Observation(found.get());
        DecisionContext decisionContext = decisionContext(
                gateway,
                context,
                observed.gateway()
                        .object()
                        .map(g -> List.of(CloudRef.gateway(g.id())))
                        .orElse(List.of()));
        Decision<GatewayDecision.View> decision = GatewayDecision.decide(desired, observed, decisionContext);
        Optional<CloudMediaPillar> after =
                execute(gateway, decision, observed.gateway().object(), ref -> false);
        Decision<GatewayDecision.View> settled = GatewayDecision.decide(
                desired, new GatewayDecision.Observation(Observed.of(after.orElse(null))), decisionContext);
        WebRtcGatewayStatus status = gateway.getStatus();
        status.setGatewayId(settled.view().gatewayId());
        after.ifPresent(g -> {
            status.setCloudId(g.id());
            gatewayOwners.stands(g.id(), id(gateway));
        });
        status.setRunningVersion(settled.view().runningVersion());
        status.setAvailableVersion(settled.view().availableVersion());
        status.setState(settled.view().state());
        GatewayState state = settled.view().state();
        if (after.isPresent() && (state == GatewayState.Online || state == GatewayState.Maintenance)) {
            ledger.applied(id(gateway), fingerprint, Map.ofEntries(CloudSignatures.of(after.get())));
        } else {
            ledger.forget(id(gateway));
        }
        return settled.outcome();
    }

    /** Its Pbx with the Pbx's system, or the outcome of waiting for them. */
    private Resolution<GatewayDecision.Desired> resolve(WebRtcGateway gateway, Context<WebRtcGateway> context) {
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
            return Resolution.waiting(Outcome.of(problemsBetween.get(0)));
        }
        Pbx pbx = found.get();
        String systemId = pbx.getStatus() == null ? null : pbx.getStatus().getSystemId();
        if (systemId == null) {
            return Resolution.waiting(Outcome.waitingFor(
                    Conditions.Ready.DEPENDENCY_NOT_READY,
                    "waiting for Pbx " + pbx.getMetadata().getName() + " to be declared in the cloud"));
        }
        return Resolution.of(new GatewayDecision.Desired(gateway, pbx, systemId));
    }

    /**
     * The gateway by the ID known for it, else by its name on its system; empty when this cloud does not serve the
     * gateway administration (known from a probe, or learnt now from a 404 of its collection).
     */
    private Optional<Observed<CloudMediaPillar>> observe(WebRtcGateway gateway, String systemId) {
        if (!support.capabilities().snapshot().gatewayAdministration()) {
            return Optional.empty();
        }
        String knownId = ExternalIds.of(gateway);
        Observed<CloudMediaPillar> found;
        try {
            found = lookups.gateway(knownId, gateway, systemId);
        } catch (CloudNotFoundException e) {
            support.capabilities().gatewaysNotFound();
            return Optional.empty();
        }
        if (found.missingId() != null) {
            support.events()
                    .warning(
                            gateway,
                            "CloudObjectMissing",
                            "WebRTC gateway " + found.missingId() + " is not in the cloud any more; creating it again");
        }
        return Optional.of(found);
    }

    /** Creates, adopts, updates or deletes, one event per step; answers the gateway as the cloud holds it afterwards. */
    private Optional<CloudMediaPillar> execute(
            WebRtcGateway gateway,
            Decision<?> decision,
            Optional<CloudMediaPillar> observed,
            Predicate<CloudRef> mayDestroy) {
        Optional<CloudMediaPillar> current = observed;
        for (Step step : decision.steps()) {
            if (step instanceof Step.CreateGateway create) {
                CloudMediaPillar created = cloud.gateways().create(create.gateway());
                claim(gateway, created.id());
                support.events()
                        .normal(
                                gateway,
                                "Created",
                                "created " + created.type() + " WebRTC gateway " + created.pbxId() + " on "
                                        + create.on() + ", version " + created.runningVersion());
                current = Optional.of(created);
            } else if (step instanceof Step.Adopt adopt) {
                claim(gateway, adopt.ref().id());
                support.events()
                        .normal(
                                gateway,
                                "Adopted",
                                "adopted the existing " + adopt.what() + " ("
                                        + adopt.ref().id() + ")");
            } else if (step instanceof Step.UpdateGateway update) {
                current = Optional.of(cloud.gateways()
                        .update(update.gatewayId(), update.changes().update()));
                support.events()
                        .normal(
                                gateway,
                                "Updated",
                                "updated WebRTC gateway " + update.name() + ": "
                                        + update.changes().describe());
            } else if (step instanceof Step.DeleteGateway delete) {
                if (!mayDestroy.test(CloudRef.gateway(delete.gatewayId()))) {
                    support.events()
                            .warning(
                                    gateway,
                                    "NotDeleted",
                                    "WebRTC gateway " + delete.name() + " is not this "
                                            + "object's own (or another object holds it): it is left as it is");
                    break;
                }
                if (cloud.gateways().delete(delete.gatewayId())) {
                    support.events().normal(gateway, "Deleted", "removed WebRTC gateway " + delete.name());
                }
                current = Optional.empty();
            } else if (step instanceof Step.Unsupported unsupported
                    && gateway.getMetadata().getDeletionTimestamp() != null) {
                support.events()
                        .warning(
                                gateway,
                                "NotDeleted",
                                "this cloud does not serve " + unsupported.feature() + ": "
                                        + unsupported.consequence());
            } else if (step.writes()) {
                throw new IllegalStateException("a WebRtcGateway cannot " + step);
            }
        }
        return current;
    }

    @Override
    public DeleteControl cleanup(WebRtcGateway gateway, Context<WebRtcGateway> context) {
        return cleanupWith(
                gateway, gateway.getSpec().effectiveDeletionPolicy(), context, g -> deleteInCloud(g, context));
    }

    /**
     * The gateway by the ID its status records (never by name, nor by an annotation it never acted on: a deletion
     * removes only what this object created or adopted).
     */
    private Decision<GatewayDecision.View> deleteInCloud(WebRtcGateway gateway, Context<WebRtcGateway> context) {
        ledger.forget(id(gateway));
        gatewayOwners.gone(id(gateway));
        String knownId =
                gateway.getStatus() == null ? null : gateway.getStatus().getCloudId();
        Optional<CloudMediaPillar> found =
                knownId == null || !support.capabilities().snapshot().gatewayAdministration()
                        ? Optional.empty()
                        : cloud.gateways().observe(knownId, null, null);
        Decision<GatewayDecision.View> decision = GatewayDecision.decideDeletion(
                new GatewayDecision.Desired(gateway, null, null),
                new GatewayDecision.DeletionObservation(found),
                deletionContext(gateway, context));
        execute(gateway, decision, found, mayDestroy(gateway, context));
        return decision;
    }

    @Override
    protected List<CloudRef> recorded(WebRtcGateway gateway) {
        return gateway.getStatus() == null || gateway.getStatus().getCloudId() == null
                ? List.of()
                : List.of(CloudRef.gateway(gateway.getStatus().getCloudId()));
    }

    /** The gateway is this object's: its ID on the object (annotation) and in its status, at once. */
    private void claim(WebRtcGateway gateway, String gatewayId) {
        ExternalIds.record(support, gateway, gatewayId);
        StatusEdits.now(support, gateway, WebRtcGatewayStatus::new, status -> status.setCloudId(gatewayId));
    }
}
