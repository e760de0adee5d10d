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
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.mapping.Changes;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudLookups;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.Outcome;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.validation.FleetProblem;
import io.pbxops.operator.validation.FleetRules;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    public CompanyReconciler(
            ReconcileSupport support, CloudPort cloud, CloudLedger ledger, DriftTrigger<Company> drift) {
        super(support, cloud, ledger, drift);
    }

    @Override
    public List<EventSource<?, Company>> prepareEventSources(EventSourceContext<Company> context) {
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
        List<Pbx> pbxs = dependents(context, company);
        CompanyStatus status = company.getStatus();
        status.setPbxCount(pbxs.size());
        String fingerprint = CloudLedger.hash(Arrays.asList(company.getSpec(), ExternalIds.of(company), pbxs.size()));
        if (unchanged(ledger, company, fingerprint)) {
            return Outcome.UNCHANGED;
        }

        CloudCompany cloudCompany = observeOrCreate(company);
        Changes<CompanySettings> changes = CompanyMapping.diff(cloudCompany, company);
        if (!changes.isEmpty()) {
            cloudCompany = cloud.companies().update(cloudCompany.id(), changes.update());
            support.events()
                    .normal(company, "Updated", "updated company " + cloudCompany.id() + ": " + changes.describe());
        }
        CloudSite site = observeOrCreateSite(company, cloudCompany);
        Changes<SiteSettings> siteChanges = CompanyMapping.diffSite(site, company);
        if (!siteChanges.isEmpty()) {
            site = cloud.sites().update(site.id(), siteChanges.update());
            support.events()
                    .normal(company, "SiteUpdated", "updated site " + site.id() + ": " + siteChanges.describe());
        }
        status.setCompanyId(cloudCompany.id());
        status.setSiteId(site.id());
        status.setCloudStatus(cloudCompany.status());
        Outcome outcome = Outcome.available("company " + cloudCompany.id() + " (" + cloudCompany.status()
                + ") with site " + site.id() + "; " + pbxs.size() + " PBXs");
        ledger.applied(
                key(company),
                fingerprint,
                cloudCompany.id() + "/" + site.id(),
                List.of(CompanyMapping.signature(cloudCompany), CompanyMapping.signature(site)));
        return outcome;
    }

    private CloudCompany observeOrCreate(Company company) {
        String knownId =
                ExternalIds.orElse(ExternalIds.of(company), company.getStatus().getCompanyId());
        String name = CompanyMapping.cloudName(company);
        CloudLookups.Found<CloudCompany> found = lookups.company(knownId, company);
        if (found.knownIdMissing()) {
            support.events()
                    .warning(company, "CloudObjectMissing", "company " + knownId + " is not in the cloud any more");
        }
        if (found.object().isPresent()) {
            if (!found.object().get().id().equals(ExternalIds.of(company))) {
                ExternalIds.record(support, company, found.object().get().id());
                support.events()
                        .normal(
                                company,
                                "Adopted",
                                "adopted the existing company "
                                        + found.object().get().id() + " named \"" + name + "\"");
            }
            return found.object().get();
        }
        CloudCompany created = cloud.companies().create(CompanyMapping.desired(company));
        ExternalIds.record(support, company, created.id());
        support.events().normal(company, "Created", "created company " + created.id() + " named \"" + name + "\"");
        return created;
    }

    private CloudSite observeOrCreateSite(Company company, CloudCompany cloudCompany) {
        Optional<CloudSite> site = lookups.site(company.getStatus().getSiteId(), company, cloudCompany.id());
        if (site.isPresent()) {
            return site.get();
        }
        CloudSite created = cloud.sites().create(CompanyMapping.desiredSite(company, cloudCompany.id()));
        support.events()
                .normal(company, "SiteCreated", "created site " + created.id() + " named \"" + created.name() + "\"");
        return created;
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
        return cleanupWith(company, company.getSpec().effectiveDeletionPolicy(), c -> deleteInCloud(c, context));
    }

    private Duration deleteInCloud(Company company, Context<Company> context) {
        ledger.forget(key(company));
        List<Pbx> dependents = dependents(context, company);
        if (!dependents.isEmpty()) {
            support.events()
                    .normal(
                            company,
                            "DeletionWaiting",
                            "waiting for " + dependents.size() + " PBXs of the company to be removed first: "
                                    + names(dependents));
            return support.settings().pendingRecheck();
        }
        CompanyStatus status = Objects.requireNonNullElseGet(company.getStatus(), CompanyStatus::new);
        String companyId = ExternalIds.orElse(ExternalIds.of(company), status.getCompanyId());
        if (companyId == null) {
            return null; // never reached the cloud
        }
        Optional<CloudSite> site =
                cloud.sites().observe(status.getSiteId(), companyId, CompanyMapping.siteName(company));
        if (site.isPresent()) {
            int linked = cloud.sites().linkedSystems(site.get().id());
            if (linked > 0) {
                support.events()
                        .warning(
                                company,
                                "DeletionBlocked",
                                linked + " PBXs are still linked to site "
                                        + site.get().id()
                                        + " in the cloud; unlink them, or set deletionPolicy: Orphan to leave the company in the cloud");
                return support.settings().maxFailureBackoff();
            }
            cloud.sites().delete(site.get().id());
        }
        if (cloud.companies().delete(companyId)) {
            support.events().normal(company, "Deleted", "deleted company " + companyId + " and its site");
        }
        return null;
    }

    private static String names(List<Pbx> pbxs) {
        return String.join(
                ", ", pbxs.stream().map(p -> p.getMetadata().getName()).toList());
    }
}
