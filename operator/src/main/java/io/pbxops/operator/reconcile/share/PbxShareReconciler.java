package io.pbxops.operator.reconcile.share;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.PbxShareStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.decision.Decision;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.decision.ShareDecision;
import io.pbxops.operator.decision.Step;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.CloudSignatures;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.reconcile.Resolution;
import io.pbxops.operator.validation.FleetProblem;
import io.pbxops.operator.validation.FleetRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PbxShare: the shared PBX linked to the site of one more company (the admin UI's "Shared" association). Deleting it
 * removes the PBX from that company only.
 */
@ControllerConfiguration(name = "pbxshare")
public class PbxShareReconciler extends CloudReconciler<PbxShare, PbxShareStatus> implements Cleaner<PbxShare> {

    static final String PBXS = "pbx-of-share";
    static final String COMPANIES = "company-of-share";

    public PbxShareReconciler(
            ReconcileSupport support, CloudPort cloud, CloudLedger ledger, DriftTrigger<PbxShare> drift) {
        super(support, cloud, ledger, drift);
    }

    @Override
    public List<EventSource<?, PbxShare>> prepareEventSources(EventSourceContext<PbxShare> context) {
        return List.of(
                ReferenceIndex.referencedBy(
                        Pbx.class,
                        context,
                        PBXS,
                        share -> Optional.ofNullable(share.getSpec())
                                .map(s -> s.getPbxRef())
                                .map(r -> r.getName())),
                ReferenceIndex.referencedBy(
                        Company.class,
                        context,
                        COMPANIES,
                        share -> Optional.ofNullable(share.getSpec())
                                .map(s -> s.getCompanyRef())
                                .map(r -> r.getName())),
                drift.eventSource());
    }

    @Override
    protected PbxShareStatus newStatus() {
        return new PbxShareStatus();
    }

    @Override
    protected Outcome sync(PbxShare share, Context<PbxShare> context) {
        Optional<Outcome> invalid = invalid(share);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Resolution<ShareDecision.Desired> resolution = resolve(share, context);
        if (!resolution.resolved()) {
            return resolution.waiting();
        }
        ShareDecision.Desired desired = resolution.desired();
        String fingerprint = CloudLedger.hash(Arrays.asList(share.getSpec(), desired.systemId(), desired.siteId()));
        if (unchanged(ledger, share, fingerprint)) {
            return Outcome.UNCHANGED;
        }
        ShareDecision.Observation observed =
                new ShareDecision.Observation(cloud.systems().observe(desired.systemId(), null, null, null));
        Decision<ShareDecision.View> decision = ShareDecision.decide(desired, observed, decisionContext(share));
        ShareDecision.Observation after = new ShareDecision.Observation(execute(share, decision, observed));
        Decision<ShareDecision.View> settled = ShareDecision.decide(desired, after, decisionContext(share));
        share.getStatus().setLinked(settled.view().linked());
        share.getStatus().setSiteId(settled.view().siteId());
        if (Boolean.TRUE.equals(settled.view().linked())) {
            ledger.applied(
                    id(share), fingerprint, Map.ofEntries(CloudSignatures.link(desired.systemId(), desired.siteId())));
        } else {
            ledger.forget(id(share));
        }
        return settled.outcome();
    }

    /** The shared Pbx and the Company with their cloud IDs, or the outcome of waiting for them. */
    private Resolution<ShareDecision.Desired> resolve(PbxShare share, Context<PbxShare> context) {
        String namespace = share.getMetadata().getNamespace();
        Optional<Pbx> pbx = ReferenceIndex.lookup(
                context, Pbx.class, PBXS, namespace, share.getSpec().getPbxRef().getName());
        Optional<Company> company = ReferenceIndex.lookup(
                context,
                Company.class,
                COMPANIES,
                namespace,
                share.getSpec().getCompanyRef().getName());
        List<FleetProblem> problemsBetween = FleetRules.checkShare(
                share,
                CacheFleetView.empty()
                        .withPbxs(() -> pbx.map(List::of).orElse(List.of()))
                        .withCompanies(() -> company.map(List::of).orElse(List.of()))
                        .withShares(() -> context.getPrimaryCache().list().toList()));
        if (!problemsBetween.isEmpty()) {
            return Resolution.waiting(Outcome.of(problemsBetween.get(0)));
        }
        String systemId =
                pbx.get().getStatus() == null ? null : pbx.get().getStatus().getSystemId();
        if (systemId == null) {
            return Resolution.waiting(Outcome.waitingFor(
                    Conditions.Ready.DEPENDENCY_NOT_READY,
                    "waiting for Pbx " + pbx.get().getMetadata().getName() + " to be declared in the cloud"));
        }
        String siteId = company.get().getStatus() == null
                ? null
                : company.get().getStatus().getSiteId();
        if (siteId == null) {
            return Resolution.waiting(Outcome.waitingFor(
                    Conditions.Ready.DEPENDENCY_NOT_READY,
                    "waiting for Company " + company.get().getMetadata().getName()
                            + " and its site to be created in the cloud"));
        }
        return Resolution.of(desired(share, systemId, siteId));
    }

    private static ShareDecision.Desired desired(PbxShare share, String systemId, String siteId) {
        return new ShareDecision.Desired(
                share,
                share.getSpec().getPbxRef().getName(),
                share.getSpec().getCompanyRef().getName(),
                systemId,
                siteId);
    }

    /** Links or unlinks, one event per step; answers the system as the cloud holds it afterwards. */
    private Optional<CloudSystem> execute(PbxShare share, Decision<?> decision, ShareDecision.Observation observed) {
        Optional<CloudSystem> system = observed.system();
        for (Step step : decision.steps()) {
            if (step instanceof Step.Link link) {
                system = Optional.of(cloud.systems().link(link.siteId(), link.systemId()));
                support.events()
                        .normal(
                                share,
                                "Linked",
                                "associated the shared PBX "
                                        + share.getSpec().getPbxRef().getName()
                                        + " (system " + link.systemId() + ") with company " + link.companyName()
                                        + " (site "
                                        + link.siteId() + ")");
            } else if (step instanceof Step.Unlink unlink) {
                if (cloud.systems().unlink(unlink.siteId(), unlink.systemId())) {
                    support.events()
                            .normal(
                                    share,
                                    "Unlinked",
                                    "removed the shared PBX from company " + unlink.companyName() + " (site "
                                            + unlink.siteId() + ")");
                }
            } else if (step.writes()) {
                throw new IllegalStateException("a PbxShare cannot " + step);
            }
        }
        return system;
    }

    @Override
    public DeleteControl cleanup(PbxShare share, Context<PbxShare> context) {
        return cleanupWith(share, share.getSpec().effectiveDeletionPolicy(), context, s -> unlink(s, context));
    }

    /**
     * A share claims nothing across namespaces: its link is between the system its Pbx holds and the site its
     * Company holds. What it made is recorded as {@code status.linked} with the site.
     */
    @Override
    protected List<CloudRef> recorded(PbxShare share) {
        return List.of();
    }

    private Decision<ShareDecision.View> unlink(PbxShare share, Context<PbxShare> context) {
        ledger.forget(id(share));
        String siteId = share.getStatus() == null ? null : share.getStatus().getSiteId();
        Optional<Pbx> pbx = ReferenceIndex.lookup(
                context,
                Pbx.class,
                PBXS,
                share.getMetadata().getNamespace(),
                share.getSpec().getPbxRef().getName());
        String systemId = pbx.map(Pbx::getStatus).map(s -> s.getSystemId()).orElse(null);
        // Only a link this share made is removed. Whether it is still there is not read: an unlink of what is gone
        // changes nothing.
        boolean linkedByThis = share.getStatus() != null
                && Boolean.TRUE.equals(share.getStatus().getLinked());
        ShareDecision.DeletionObservation observed =
                new ShareDecision.DeletionObservation(systemId, siteId, linkedByThis);
        Decision<ShareDecision.View> decision =
                ShareDecision.decideDeletion(desired(share, systemId, siteId), observed, decisionContext(share));
        execute(share, decision, new ShareDecision.Observation(Optional.empty()));
        return decision;
    }
}
