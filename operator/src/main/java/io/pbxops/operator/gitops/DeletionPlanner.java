package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.decision.Capabilities;
import io.pbxops.operator.decision.CompanyDecision;
import io.pbxops.operator.decision.Decision;
import io.pbxops.operator.decision.DecisionContext;
import io.pbxops.operator.decision.GatewayDecision;
import io.pbxops.operator.decision.PbxDecision;
import io.pbxops.operator.decision.ShareDecision;
import io.pbxops.operator.decision.Step;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.reconcile.CloudLookups;
import io.pbxops.operator.reconcile.pbx.EndpointTargets;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.FleetView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The objects the manifests before the change declared and the new ones do not: in GitOps, removing a manifest
 * deletes the object from the cluster (when the agent prunes), and the operator then makes its deletion decision.
 * Gateways go first, then shares, PBXs and companies, as their finalizers would; what an earlier deletion removes is
 * left out of the later ones' observations (a PBX's gateways, a company's linked systems).
 */
final class DeletionPlanner {

    private final DecisionContext context;

    private final CloudPort cloud;
    private final CloudLookups lookups;
    private final DeclaredFleet head;
    private final DeclaredFleet base;
    private final Set<String> gatewaysDeleted = new HashSet<>();
    private final Set<String> systemsDeleted = new HashSet<>();
    private final Set<CloudRef> leaving = new HashSet<>();

    DeletionPlanner(CloudPort cloud, DeclaredFleet head, DeclaredFleet base) {
        this.cloud = cloud;
        this.lookups = new CloudLookups(cloud);
        this.head = head;
        this.base = base;
        this.context = DecisionContext.of(Duration.ZERO, Duration.ZERO)
                .withCapabilities(new Capabilities(cloud.gateways().served()));
    }

    List<ObjectPlan> plan() {
        List<ObjectPlan> plans = new ArrayList<>();
        removed(base.gateways(), head.gateways()).forEach(gateway -> plans.add(gateway(gateway)));
        removed(base.shares(), head.shares()).forEach(share -> plans.add(share(share)));
        removed(base.pbxs(), head.pbxs()).forEach(pbx -> plans.add(pbx(pbx)));
        removed(base.companies(), head.companies()).forEach(company -> plans.add(company(company)));
        return plans;
    }

    /** The cloud objects of removed objects: still the operator's until their deletion is done, not "not managed". */
    Set<CloudRef> leavingManagement() {
        return leaving;
    }

    private static <T extends HasMetadata> List<T> removed(List<T> before, List<T> after) {
        Set<Object> kept = new HashSet<>();
        after.forEach(object -> kept.add(Planner.key(object)));
        return before.stream()
                .filter(object -> !kept.contains(Planner.key(object)))
                .toList();
    }

    private ObjectPlan gateway(WebRtcGateway gateway) {
        Optional<CloudSystem> system = pbxOf(gateway.getSpec().getPbxRef().getName(), FleetView.namespaceOf(gateway))
                .flatMap(this::system);
        Optional<CloudMediaPillar> found =
                system.flatMap(s -> lookups.gateway(Annotations.externalId(gateway), gateway, s.id())
                        .object());
        Decision<GatewayDecision.View> decision = GatewayDecision.decideDeletion(
                new GatewayDecision.Desired(gateway, null, null),
                new GatewayDecision.DeletionObservation(found),
                context);
        found.ifPresent(g -> leaving.add(CloudRef.gateway(g.id())));
        if (deletes(decision, Step.DeleteGateway.class)) {
            found.ifPresent(g -> gatewaysDeleted.add(g.id()));
        }
        return Planner.objectPlan(gateway, found.map(CloudMediaPillar::id).orElse(null), decision.steps(), true);
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
        String systemId = system.map(CloudSystem::id).orElse(null);
        String siteId = site.map(CloudSite::id).orElse(null);
        Decision<ShareDecision.View> decision = ShareDecision.decideDeletion(
                new ShareDecision.Desired(
                        share,
                        share.getSpec().getPbxRef().getName(),
                        share.getSpec().getCompanyRef().getName(),
                        systemId,
                        siteId),
                new ShareDecision.DeletionObservation(systemId, siteId, linked),
                context);
        if (linked) {
            leaving.add(CloudRef.link(systemId, siteId));
        }
        return Planner.objectPlan(share, linked ? systemId : null, decision.steps(), true);
    }

    private ObjectPlan pbx(Pbx pbx) {
        Optional<CloudSystem> found = system(pbx);
        List<CloudMediaPillar> gateways = found.map(s -> cloud.gateways()
                        .listBySystem(s.id())
                        .filter(g -> !gatewaysDeleted.contains(g.id()))
                        .toList())
                .orElse(List.of());
        PbxDecision.Endpoint endpoint =
                pbx.getSpec().getEndpoint() == null ? null : EndpointTargets.intentFromSpec(pbx);
        Decision<PbxDecision.View> decision = PbxDecision.decideDeletion(
                new PbxDecision.Desired(pbx, null, null, endpoint),
                new PbxDecision.DeletionObservation(found.isPresent(), found, gateways),
                context);
        found.ifPresent(s -> leaving.add(CloudRef.system(s.id())));
        if (deletes(decision, Step.DeleteSystem.class)) {
            found.ifPresent(s -> systemsDeleted.add(s.id()));
        }
        return Planner.objectPlan(pbx, found.map(CloudSystem::id).orElse(null), decision.steps(), true);
    }

    private ObjectPlan company(Company company) {
        Optional<CloudCompany> found =
                lookups.company(Annotations.externalId(company), company).object();
        Optional<CloudSite> site = found.flatMap(c -> lookups.site(null, company, c.id()));
        int stillLinked = site.map(s -> (int) cloud.systems()
                        .listAll()
                        .filter(system -> system.isLinkedTo(s.id()) && !systemsDeleted.contains(system.id()))
                        .count())
                .orElse(0);
        // Its PBXs are deleted by the same change (else they are in the manifests still, and validate refuses).
        Decision<CompanyDecision.View> decision = CompanyDecision.decideDeletion(
                new CompanyDecision.Desired(company, List.of()),
                new CompanyDecision.DeletionObservation(found, site, stillLinked),
                context);
        found.ifPresent(c -> leaving.add(CloudRef.company(c.id())));
        return Planner.objectPlan(company, found.map(CloudCompany::id).orElse(null), decision.steps(), true);
    }

    private static boolean deletes(Decision<?> decision, Class<? extends Step> type) {
        return !decision.steps(type).isEmpty();
    }

    private Optional<Pbx> pbxOf(String name, String namespace) {
        return head.pbx(namespace, name).or(() -> base.pbx(namespace, name));
    }

    private Optional<Company> companyOf(String name, String namespace) {
        return head.company(namespace, name).or(() -> base.company(namespace, name));
    }

    private Optional<CloudSite> site(Company company) {
        return lookups.company(Annotations.externalId(company), company)
                .object()
                .flatMap(c -> lookups.site(null, company, c.id()));
    }

    private Optional<CloudSystem> system(Pbx pbx) {
        String ownerSite = null;
        if (!pbx.getSpec().isSharedPbx()) {
            ownerSite = companyOf(pbx.getSpec().getCompanyRef().getName(), FleetView.namespaceOf(pbx))
                    .flatMap(this::site)
                    .map(CloudSite::id)
                    .orElse(null);
        }
        return lookups.system(Annotations.externalId(pbx), pbx, ownerSite).object();
    }
}
