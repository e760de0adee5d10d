package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.DeletionPolicy;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.reconcile.ManagedReconciler;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.FleetView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The objects the manifests before the change declared and the new ones do not: in GitOps, removing a manifest
 * deletes the object from the cluster (when the agent prunes), and the operator then applies its deletion policy.
 * Delete: a Pbx is reset, loses its gateways and is removed; a gateway is removed; a share is unlinked; a company and
 * its site are deleted once nothing is linked. Orphan (and any paused object): the cloud is left as it is.
 */
final class DeletionPlanner {

    private static final String PRUNED = " (once the object is removed from the cluster)";

    private final Lookups lookups;
    private final DeclaredFleet head;
    private final DeclaredFleet base;
    private final Set<String> systemsDeleted = new HashSet<>();

    DeletionPlanner(Lookups lookups, DeclaredFleet head, DeclaredFleet base) {
        this.lookups = lookups;
        this.head = head;
        this.base = base;
    }

    List<ObjectPlan> plan() {
        List<ObjectPlan> plans = new ArrayList<>();
        removed(base.gateways(), head.gateways()).forEach(gateway -> plans.add(gateway(gateway)));
        removed(base.shares(), head.shares()).forEach(share -> plans.add(share(share)));
        removed(base.pbxs(), head.pbxs()).forEach(pbx -> plans.add(pbx(pbx)));
        removed(base.companies(), head.companies()).forEach(company -> plans.add(company(company)));
        return plans;
    }

    private static <T extends HasMetadata> List<T> removed(List<T> before, List<T> after) {
        Set<String> kept = new HashSet<>();
        after.forEach(object -> kept.add(Planner.key(object)));
        return before.stream()
                .filter(object -> !kept.contains(Planner.key(object)))
                .toList();
    }

    private ObjectPlan gateway(WebRtcGateway gateway) {
        Optional<CloudSystem> system = pbxOf(gateway.getSpec().getPbxRef().getName(), FleetView.namespaceOf(gateway))
                .flatMap(this::system);
        Optional<CloudMediaPillar> found = system.flatMap(s -> lookups.gateway(gateway, s.id()));
        return deletion(
                gateway,
                gateway.getSpec().effectiveDeletionPolicy(),
                found.map(CloudMediaPillar::id).orElse(null),
                "remove WebRTC gateway \"" + found.map(CloudMediaPillar::name).orElse("") + "\"");
    }

    private ObjectPlan share(PbxShare share) {
        String namespace = FleetView.namespaceOf(share);
        Optional<CloudSystem> system =
                pbxOf(share.getSpec().getPbxRef().getName(), namespace).flatMap(this::system);
        Optional<CloudSite> site =
                companyOf(share.getSpec().getCompanyRef().getName(), namespace).flatMap(this::site);
        boolean linked = system.isPresent()
                && site.isPresent()
                && system.get().isLinkedTo(site.get().id());
        ObjectPlan plan = deletion(
                share,
                share.getSpec().effectiveDeletionPolicy(),
                linked ? system.get().id() : null,
                linked
                        ? "unlink system " + system.get().id() + " from site "
                                + site.get().id()
                        : "");
        if (!linked) {
            return plan;
        }
        String link =
                UnmanagedObjects.Managed.link(system.get().id(), site.get().id());
        return new ObjectPlan(
                plan.kind(),
                plan.namespace(),
                plan.name(),
                plan.cloudId(),
                plan.steps().stream()
                        .map(step -> new PlanStep(step.action(), step.summary(), step.fields(), link))
                        .toList(),
                plan.paused());
    }

    private ObjectPlan pbx(Pbx pbx) {
        Optional<CloudSystem> found = system(pbx);
        String what = found.map(s -> (CloudSystem.STATUS_CREATED.equals(s.status()) ? "" : "reset the connection, ")
                        + "remove its "
                        + lookups.cloud().gateways().listBySystem(s.id()).count() + " WebRTC gateway(s), "
                        + (pbx.getSpec().getEndpoint() != null ? "turn the Rainbow agent off on the PBX, " : "")
                        + "remove the equipment (system " + s.id() + ")")
                .orElse("");
        ObjectPlan plan = deletion(
                pbx,
                pbx.getSpec().effectiveDeletionPolicy(),
                found.map(CloudSystem::id).orElse(null),
                what);
        if (!plan.paused() && plan.steps().stream().anyMatch(s -> s.action() == PlanAction.DELETE)) {
            systemsDeleted.add(found.get().id());
        }
        return plan;
    }

    private ObjectPlan company(Company company) {
        Optional<CloudCompany> found = lookups.company(company);
        Optional<CloudSite> site = found.flatMap(c -> lookups.site(company, c.id()));
        long stillLinked = site.map(s -> lookups.cloud()
                        .systems()
                        .listAll()
                        .filter(system -> system.isLinkedTo(s.id()) && !systemsDeleted.contains(system.id()))
                        .count())
                .orElse(0L);
        if (stillLinked > 0
                && company.getSpec().effectiveDeletionPolicy() == DeletionPolicy.Delete
                && !isPaused(company)) {
            return new ObjectPlan(
                    company.getKind(),
                    FleetView.namespaceOf(company),
                    company.getMetadata().getName(),
                    found.get().id(),
                    List.of(PlanStep.of(
                            PlanAction.UNKNOWN,
                            "deletion blocked: " + stillLinked + " PBX(s) stay linked to site "
                                    + site.get().id() + "; the operator waits until nothing is linked")),
                    false);
        }
        return deletion(
                company,
                company.getSpec().effectiveDeletionPolicy(),
                found.map(CloudCompany::id).orElse(null),
                "delete company \"" + found.map(CloudCompany::name).orElse("") + "\""
                        + site.map(s -> " and site " + s.id()).orElse(""));
    }

    private ObjectPlan deletion(CustomResource<?, ?> object, DeletionPolicy policy, String cloudId, String what) {
        List<PlanStep> steps = new ArrayList<>();
        if (cloudId != null) {
            if (policy == DeletionPolicy.Orphan || isPaused(object)) {
                steps.add(PlanStep.of(
                        PlanAction.ORPHAN,
                        "removed from the manifests with "
                                + (policy == DeletionPolicy.Orphan ? "deletionPolicy Orphan" : "pbxops.io/paused")
                                + ": left in the cloud, no longer managed"));
            } else {
                steps.add(
                        PlanStep.of(object instanceof PbxShare ? PlanAction.UNLINK : PlanAction.DELETE, what + PRUNED));
            }
        }
        return new ObjectPlan(
                object.getKind(),
                FleetView.namespaceOf(object),
                object.getMetadata().getName(),
                cloudId,
                steps,
                false);
    }

    private static boolean isPaused(CustomResource<?, ?> object) {
        return ManagedReconciler.isPaused(object);
    }

    private Optional<Pbx> pbxOf(String name, String namespace) {
        return head.pbx(namespace, name).or(() -> base.pbx(namespace, name));
    }

    private Optional<Company> companyOf(String name, String namespace) {
        return head.company(namespace, name).or(() -> base.company(namespace, name));
    }

    private Optional<CloudSite> site(Company company) {
        return lookups.company(company).flatMap(c -> lookups.site(company, c.id()));
    }

    private Optional<CloudSystem> system(Pbx pbx) {
        String ownerSite = null;
        if (!pbx.getSpec().isSharedPbx()) {
            ownerSite = companyOf(pbx.getSpec().getCompanyRef().getName(), FleetView.namespaceOf(pbx))
                    .flatMap(this::site)
                    .map(CloudSite::id)
                    .orElse(null);
        }
        return lookups.system(pbx, ownerSite);
    }
}
