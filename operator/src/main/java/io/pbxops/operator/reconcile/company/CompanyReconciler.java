package io.pbxops.operator.reconcile.company;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.CompanyStatus;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.decision.CompanyDecision;
import io.pbxops.operator.decision.Decision;
import io.pbxops.operator.decision.DecisionContext;
import io.pbxops.operator.decision.Observed;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.CloudSignatures;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.validation.FleetProblem;
import io.pbxops.operator.validation.FleetRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Company: the cloud company (created, or adopted by its ID or its exact name under the reseller) and the site its
 * PBXs link to. It is deleted in the cloud only with {@code deletionPolicy: Delete}, and only once nothing is linked.
 */
@ControllerConfiguration(name = "company")
public class CompanyReconciler extends CloudReconciler<Company, CompanyStatus> implements Cleaner<Company> {

    static final String PBXS = "pbx-of-company";
    static final String SHARES = "share-of-company";

    private final CompanyExecutor executor;

    public CompanyReconciler(
            ReconcileSupport support, CloudPort cloud, CloudLedger ledger, DriftTrigger<Company> drift) {
        super(support, cloud, ledger, drift);
        this.executor = new CompanyExecutor(support, cloud);
    }

    @Override
    public List<EventSource<?, Company>> prepareEventSources(EventSourceContext<Company> context) {
        claims.register(context);
        return List.of(
                ReferenceIndex.referencing(
                        Pbx.class,
                        context,
                        PBXS,
                        pbx -> Optional.ofNullable(pbx.getSpec())
                                .map(s -> s.getCompanyRef())
                                .map(r -> r.getName())),
                ReferenceIndex.referencing(
                        PbxShare.class,
                        context,
                        SHARES,
                        share -> Optional.ofNullable(share.getSpec())
                                .map(s -> s.getCompanyRef())
                                .map(r -> r.getName())),
                drift.eventSource());
    }

    @Override
    protected CompanyStatus newStatus() {
        return new CompanyStatus();
    }

    @Override
    protected Outcome sync(Company company, Context<Company> context) {
        Optional<Outcome> invalid = invalid(company);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        List<FleetProblem> conflicts = FleetRules.checkCompany(
                company,
                CacheFleetView.empty()
                        .withCompanies(() -> context.getPrimaryCache().list().toList()));
        if (!conflicts.isEmpty()) {
            return Outcome.of(conflicts.get(0));
        }
        CompanyDecision.Desired desired = new CompanyDecision.Desired(company, names(dependents(context, company)));
        String fingerprint = CloudLedger.hash(Arrays.asList(
                company.getSpec(), ExternalIds.of(company), desired.dependents().size()));
        if (unchanged(ledger, company, fingerprint)) {
            return Outcome.UNCHANGED;
        }
        CompanyDecision.Observation observed = observe(company);
        DecisionContext decisionContext = decisionContext(company, context, refs(observed));
        Decision<CompanyDecision.View> decision = CompanyDecision.decide(desired, observed, decisionContext);
        CompanyDecision.Observation after = executor.run(company, decision.steps(), observed, ref -> false);
        Decision<CompanyDecision.View> settled = CompanyDecision.decide(desired, after, decisionContext);
        show(company.getStatus(), settled.view());
        if (settled.writes().isEmpty()
                && after.company().present()
                && after.site().isPresent()) {
            ledger.applied(
                    id(company),
                    fingerprint,
                    Map.ofEntries(
                            CloudSignatures.of(after.company().get()),
                            CloudSignatures.of(after.site().get())));
        } else {
            ledger.forget(id(company));
        }
        return settled.outcome();
    }

    private CompanyDecision.Observation observe(Company company) {
        String knownId =
                ExternalIds.orElse(ExternalIds.of(company), company.getStatus().getCompanyId());
        Observed<CloudCompany> found = lookups.company(knownId, company);
        if (found.missingId() != null) {
            support.events()
                    .warning(
                            company,
                            "CloudObjectMissing",
                            "company " + found.missingId() + " is not in the cloud any more");
        }
        Optional<CloudSite> site =
                found.object().flatMap(c -> lookups.site(company.getStatus().getSiteId(), company, c.id()));
        return new CompanyDecision.Observation(found, site, false);
    }

    /** The cloud objects an observation stands for, whose holder the decision needs to know. */
    private static List<CloudRef> refs(CompanyDecision.Observation observed) {
        List<CloudRef> refs = new ArrayList<>();
        observed.company().object().ifPresent(c -> refs.add(CloudRef.company(c.id())));
        observed.site().ifPresent(s -> refs.add(CloudRef.site(s.id())));
        return refs;
    }

    @Override
    protected List<CloudRef> recorded(Company company) {
        CompanyStatus status = company.getStatus();
        List<CloudRef> refs = new ArrayList<>();
        if (status != null && status.getCompanyId() != null) {
            refs.add(CloudRef.company(status.getCompanyId()));
        }
        if (status != null && status.getSiteId() != null) {
            refs.add(CloudRef.site(status.getSiteId()));
        }
        return refs;
    }

    /** A company is found by its exact name among the reseller's: two objects of one name claim one company. */
    @Override
    protected List<String> naturalKeys(Company company) {
        return company.getSpec() == null ? List.of() : List.of("company:" + CompanyMapping.cloudName(company));
    }

    private static void show(CompanyStatus status, CompanyDecision.View view) {
        status.setCompanyId(view.companyId());
        status.setSiteId(view.siteId());
        status.setCloudStatus(view.cloudStatus());
        status.setPbxCount(view.pbxCount());
    }

    /** The Pbx objects the company owns, and the shared ones associated with it. */
    private static List<Pbx> dependents(Context<Company> context, Company company) {
        String namespace = company.getMetadata().getNamespace();
        String name = company.getMetadata().getName();
        List<Pbx> owned = ReferenceIndex.list(context, Pbx.class, PBXS).stream()
                .filter(pbx -> Objects.equals(namespace, pbx.getMetadata().getNamespace())
                        && pbx.getSpec() != null
                        && !pbx.getSpec().isSharedPbx()
                        && pbx.getSpec().getCompanyRef() != null
                        && name.equals(pbx.getSpec().getCompanyRef().getName()))
                .toList();
        List<String> sharedNames = ReferenceIndex.list(context, PbxShare.class, SHARES).stream()
                .filter(share -> Objects.equals(namespace, share.getMetadata().getNamespace())
                        && share.getSpec() != null
                        && share.getSpec().getCompanyRef() != null
                        && name.equals(share.getSpec().getCompanyRef().getName()))
                .map(share -> share.getSpec().getPbxRef() == null
                        ? ""
                        : share.getSpec().getPbxRef().getName())
                .toList();
        List<Pbx> shared = sharedNames.stream()
                .map(pbxName -> ReferenceIndex.lookup(context, Pbx.class, PBXS, namespace, pbxName))
                .flatMap(Optional::stream)
                .toList();
        return Stream.concat(owned.stream(), shared.stream()).toList();
    }

    @Override
    public DeleteControl cleanup(Company company, Context<Company> context) {
        return cleanupWith(
                company, company.getSpec().effectiveDeletionPolicy(), context, c -> deleteInCloud(c, context));
    }

    private Decision<CompanyDecision.View> deleteInCloud(Company company, Context<Company> context) {
        ledger.forget(id(company));
        CompanyDecision.Desired desired = new CompanyDecision.Desired(company, names(dependents(context, company)));
        CompanyDecision.DeletionObservation observed = desired.dependents().isEmpty()
                ? observeForDeletion(company)
                : new CompanyDecision.DeletionObservation(Optional.empty(), Optional.empty(), 0);
        Decision<CompanyDecision.View> decision =
                CompanyDecision.decideDeletion(desired, observed, deletionContext(company, context));
        executor.run(
                company,
                decision.steps(),
                new CompanyDecision.Observation(Observed.of(observed.company().orElse(null)), observed.site(), false),
                mayDestroy(company, context));
        return decision;
    }

    /**
     * The company by the ID its status records (never by name, nor by an annotation it never acted on: a deletion
     * removes only what this object created or adopted).
     */
    private CompanyDecision.DeletionObservation observeForDeletion(Company company) {
        CompanyStatus status = Objects.requireNonNullElseGet(company.getStatus(), CompanyStatus::new);
        String companyId = status.getCompanyId();
        if (companyId == null) {
            return new CompanyDecision.DeletionObservation(Optional.empty(), Optional.empty(), 0);
        }
        Optional<CloudCompany> found = cloud.companies().observe(companyId, null);
        Optional<CloudSite> site =
                found.flatMap(c -> cloud.sites().observe(status.getSiteId(), c.id(), CompanyMapping.siteName(company)));
        int linked = site.map(s -> cloud.sites().linkedSystems(s.id())).orElse(0);
        return new CompanyDecision.DeletionObservation(found, site, linked);
    }

    private static List<String> names(List<Pbx> pbxs) {
        return pbxs.stream().map(p -> p.getMetadata().getName()).toList();
    }
}
