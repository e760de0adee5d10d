package io.pbxops.operator.reconcile.share;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.PbxShareStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.DriftTrigger;
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
            return Outcome.of(problemsBetween.get(0));
        }
        String systemId =
                pbx.get().getStatus() == null ? null : pbx.get().getStatus().getSystemId();
        if (systemId == null) {
            return Outcome.waitingFor(
                    Reasons.DEPENDENCY_NOT_READY,
                    "waiting for Pbx " + pbx.get().getMetadata().getName() + " to be declared in the cloud");
        }
        String siteId = company.get().getStatus() == null
                ? null
                : company.get().getStatus().getSiteId();
        if (siteId == null) {
            return Outcome.waitingFor(
                    Reasons.DEPENDENCY_NOT_READY,
                    "waiting for Company " + company.get().getMetadata().getName()
                            + " and its site to be created in the cloud");
        }
        String fingerprint = CloudLedger.hash(Arrays.asList(share.getSpec(), systemId, siteId));
        if (unchanged(ledger, share, fingerprint)) {
            return Outcome.UNCHANGED;
        }
        Optional<CloudSystem> system = cloud.systems().observe(systemId, null, null, null);
        if (system.isEmpty()) {
            return Outcome.waitingFor(
                    Reasons.DEPENDENCY_NOT_READY,
                    "system " + systemId + " of Pbx " + pbx.get().getMetadata().getName()
                            + " is not in the cloud; waiting for the Pbx to declare it again");
        }
        if (!system.get().isLinkedTo(siteId)) {
            cloud.systems().link(siteId, systemId);
            support.events()
                    .normal(
                            share,
                            "Linked",
                            "associated the shared PBX "
                                    + pbx.get().getMetadata().getName() + " (system " + systemId + ") with company "
                                    + company.get().getMetadata().getName() + " (site " + siteId + ")");
        }
        share.getStatus().setLinked(true);
        share.getStatus().setSiteId(siteId);
        Outcome outcome = Outcome.available("PBX " + pbx.get().getMetadata().getName() + " is associated with company "
                + company.get().getMetadata().getName());
        ledger.applied(
                key(share), fingerprint, systemId + "/" + siteId, SystemMapping.linkSignature(systemId, siteId, true));
        return outcome;
    }

    @Override
    public DeleteControl cleanup(PbxShare share, Context<PbxShare> context) {
        return cleanupWith(share, share.getSpec().effectiveDeletionPolicy(), s -> unlink(s, context));
    }

    private Duration unlink(PbxShare share, Context<PbxShare> context) {
        ledger.forget(key(share));
        String siteId = share.getStatus() == null ? null : share.getStatus().getSiteId();
        Optional<Pbx> pbx = ReferenceIndex.lookup(
                context,
                Pbx.class,
                PBXS,
                share.getMetadata().getNamespace(),
                share.getSpec().getPbxRef().getName());
        String systemId = pbx.map(Pbx::getStatus).map(s -> s.getSystemId()).orElse(null);
        if (siteId == null || systemId == null) {
            return null; // never linked, or the PBX is gone (its deletion removed every link)
        }
        if (cloud.systems().unlink(siteId, systemId)) {
            support.events()
                    .normal(
                            share,
                            "Unlinked",
                            "removed the shared PBX from company "
                                    + share.getSpec().getCompanyRef().getName() + " (site " + siteId + ")");
        }
        return null;
    }
}
