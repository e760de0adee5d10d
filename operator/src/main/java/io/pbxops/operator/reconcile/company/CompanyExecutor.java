package io.pbxops.operator.reconcile.company;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.CompanyStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.decision.CompanyDecision;
import io.pbxops.operator.decision.Observed;
import io.pbxops.operator.decision.Step;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.StatusEdits;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Executes a Company's steps through the cloud port, in order, with one event per step; answers what the cloud holds
 * afterwards (each call's answer), for the decision to be made again on it.
 */
final class CompanyExecutor {

    private final ReconcileSupport support;
    private final CloudPort cloud;

    CompanyExecutor(ReconcileSupport support, CloudPort cloud) {
        this.support = support;
        this.cloud = cloud;
    }

    /**
     * @param mayDestroy the check just before each deletion: the cloud object is this object's own, and no other
     *                   object records it as its own
     */
    CompanyDecision.Observation run(
            Company company, List<Step> steps, CompanyDecision.Observation observed, Predicate<CloudRef> mayDestroy) {
        CloudCompany cloudCompany = observed.company().object().orElse(null);
        CloudSite site = observed.site().orElse(null);
        for (Step step : steps) {
            if (step instanceof Step.CreateCompany create) {
                cloudCompany = cloud.companies().create(create.settings());
                claim(company, cloudCompany.id());
                support.events()
                        .normal(
                                company,
                                "Created",
                                "created company " + cloudCompany.id() + " named \"" + cloudCompany.name() + "\"");
            } else if (step instanceof Step.Adopt adopt) {
                claim(company, adopt.ref().id());
                support.events()
                        .normal(
                                company,
                                "Adopted",
                                "adopted the existing " + adopt.what() + " ("
                                        + adopt.ref().id() + ")");
            } else if (step instanceof Step.UpdateCompany update) {
                cloudCompany = cloud.companies()
                        .update(update.companyId(), update.changes().update());
                support.events()
                        .normal(
                                company,
                                "Updated",
                                "updated company " + cloudCompany.id() + ": "
                                        + update.changes().describe());
            } else if (step instanceof Step.CreateSite create) {
                SiteSettings settings = create.settings().companyId() != null
                        ? create.settings()
                        : SiteSettings.active(create.settings().name(), cloudCompany.id());
                site = cloud.sites().create(settings);
                String siteId = site.id();
                StatusEdits.now(support, company, CompanyStatus::new, status -> status.setSiteId(siteId));
                support.events()
                        .normal(company, "SiteCreated", "created site " + site.id() + " named \"" + site.name() + "\"");
            } else if (step instanceof Step.UpdateSite update) {
                site = cloud.sites().update(update.siteId(), update.changes().update());
                support.events()
                        .normal(
                                company,
                                "SiteUpdated",
                                "updated site " + site.id() + ": "
                                        + update.changes().describe());
            } else if (step instanceof Step.DeleteSite delete) {
                if (!mayDestroy.test(CloudRef.site(delete.siteId()))) {
                    refused(company, "site " + delete.siteId());
                    break;
                }
                cloud.sites().delete(delete.siteId());
                site = null;
            } else if (step instanceof Step.DeleteCompany delete) {
                if (!mayDestroy.test(CloudRef.company(delete.companyId()))) {
                    refused(company, "company " + delete.companyId());
                    break;
                }
                if (cloud.companies().delete(delete.companyId())) {
                    support.events()
                            .normal(company, "Deleted", "deleted company " + delete.companyId() + " and its site");
                }
                cloudCompany = null;
            } else if (step.writes()) {
                throw new IllegalStateException("a Company cannot " + step);
            }
        }
        return new CompanyDecision.Observation(Observed.of(cloudCompany), Optional.ofNullable(site), false);
    }

    /** The company is this object's: its ID on the object (annotation) and in its status, at once. */
    private void claim(Company company, String companyId) {
        ExternalIds.record(support, company, companyId);
        StatusEdits.now(support, company, CompanyStatus::new, status -> status.setCompanyId(companyId));
    }

    private void refused(Company company, String what) {
        support.events()
                .warning(
                        company,
                        "NotDeleted",
                        what + " is not this object's own (or another object holds it): " + "nothing more is deleted");
    }
}
