package io.pbxops.operator.decision;

import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.mapping.Changes;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.mapping.CompanyMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Company: the cloud company (created, or adopted by its ID or its exact name under the reseller) and the site its
 * PBXs link to. It is deleted in the cloud only with {@code deletionPolicy: Delete}, and only once nothing depends on
 * it or is linked to its site.
 */
public final class CompanyDecision {

    /**
     * @param company    the object, with its annotations
     * @param dependents the names of the Pbx objects it owns and of the shared ones associated with it
     */
    public record Desired(Company company, List<String> dependents) {
        public Desired {
            dependents = List.copyOf(dependents);
        }
    }

    /**
     * @param siteMayBeRenamed the site was not found by name, the company has other sites, and the site ID its
     *                         status would remember is not known (a plan): the operator may rename that site
     */
    public record Observation(Observed<CloudCompany> company, Optional<CloudSite> site, boolean siteMayBeRenamed) {}

    /**
     * What a deletion finds: the company by the ID known for it, its site, and how many systems are linked to the
     * site (those the same change deletes left out).
     */
    public record DeletionObservation(Optional<CloudCompany> company, Optional<CloudSite> site, int linkedSystems) {}

    /** The Company's own status fields. */
    public record View(String companyId, String siteId, String cloudStatus, int pbxCount) {}

    private CompanyDecision() {}

    public static Decision<View> decide(Desired desired, Observation observed, DecisionContext context) {
        Company company = desired.company();
        int pbxCount = desired.dependents().size();
        if (context.claim().heldByAnother()) {
            return ClaimOutcomes.waiting(company, context, new View(null, null, null, pbxCount));
        }
        List<Step> steps = new ArrayList<>();
        CloudCompany cloudCompany = observed.company().object().orElse(null);
        CloudSite site = observed.site().orElse(null);
        if (cloudCompany == null) {
            steps.add(new Step.CreateCompany(CompanyMapping.desired(company)));
            steps.add(new Step.CreateSite(CompanyMapping.desiredSite(company, null)));
            return new Decision<>(
                    steps,
                    Outcome.progressing(
                            Conditions.Ready.CREATING,
                            "creating company \"" + CompanyMapping.cloudName(company) + "\"",
                            null),
                    new View(null, null, null, pbxCount));
        }
        Adoption.ifNew(
                steps,
                Annotations.externalId(company),
                CloudRef.company(cloudCompany.id()),
                "company \"" + cloudCompany.name() + "\"");
        Changes<CompanySettings> changes = CompanyMapping.diff(cloudCompany, company);
        if (!changes.isEmpty()) {
            steps.add(new Step.UpdateCompany(cloudCompany.id(), changes));
        }
        if (site == null) {
            steps.add(new Step.CreateSite(CompanyMapping.desiredSite(company, cloudCompany.id())));
            if (observed.siteMayBeRenamed()) {
                steps.add(new Step.Unknown("if the operator already manages this company it renames the site its "
                        + "status names instead of creating one"));
            }
        } else {
            Changes<SiteSettings> siteChanges = CompanyMapping.diffSite(site, company);
            if (!siteChanges.isEmpty()) {
                steps.add(new Step.UpdateSite(site.id(), siteChanges));
            }
        }
        View view = new View(cloudCompany.id(), site == null ? null : site.id(), cloudCompany.status(), pbxCount);
        Outcome outcome = site == null
                ? Outcome.progressing(
                        Conditions.Ready.CREATING, "creating the site of company " + cloudCompany.id(), null)
                : Outcome.available("company " + cloudCompany.id() + " (" + cloudCompany.status() + ") with site "
                        + site.id() + "; " + pbxCount + " PBXs");
        return new Decision<>(steps, outcome, view);
    }

    /**
     * The deletion: Orphan (or paused) leaves the cloud as it is; otherwise the company waits for its PBXs to go,
     * then for its site to have nothing linked, then its site and the company are deleted.
     */
    public static Decision<View> decideDeletion(
            Desired desired, DeletionObservation observed, DecisionContext context) {
        Company company = desired.company();
        View view = new View(
                observed.company().map(CloudCompany::id).orElse(null),
                observed.site().map(CloudSite::id).orElse(null),
                observed.company().map(CloudCompany::status).orElse(null),
                desired.dependents().size());
        Optional<Step> orphan = Deletions.orphan(company, company.getSpec().effectiveDeletionPolicy());
        if (orphan.isPresent()) {
            return new Decision<>(
                    List.of(orphan.get()), Outcome.deleting("leaving the company in the cloud", null), view);
        }
        if (context.claim().heldByAnother()) {
            return Decision.none(ClaimOutcomes.notOurs(context.claim()), view);
        }
        if (!desired.dependents().isEmpty()) {
            String message = "waiting for " + desired.dependents().size() + " PBXs of the company to be removed first: "
                    + String.join(", ", desired.dependents());
            return new Decision<>(
                    List.of(new Step.Wait("DeletionWaiting", message, context.pendingRecheck())),
                    Outcome.deleting(message, context.pendingRecheck()),
                    view);
        }
        if (observed.company().isEmpty()) {
            return Decision.none(Outcome.deleting("the company is not in the cloud", null), view);
        }
        CloudCompany cloudCompany = observed.company().get();
        if (observed.site().isPresent() && observed.linkedSystems() > 0) {
            String message = observed.linkedSystems() + " PBXs are still linked to site "
                    + observed.site().get().id()
                    + " in the cloud; unlink them, or set deletionPolicy: Orphan to leave the company in the cloud";
            return new Decision<>(
                    List.of(new Step.Wait("DeletionBlocked", message, context.blockedRecheck())),
                    Outcome.deleting(message, context.blockedRecheck()),
                    view);
        }
        List<Step> steps = new ArrayList<>();
        observed.site().ifPresent(site -> steps.add(new Step.DeleteSite(site.id())));
        steps.add(new Step.DeleteCompany(cloudCompany.id(), cloudCompany.name()));
        return new Decision<>(steps, Outcome.deleting("deleting company " + cloudCompany.id(), null), view);
    }
}
