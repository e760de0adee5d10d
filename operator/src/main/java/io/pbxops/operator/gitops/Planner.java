package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
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
import io.pbxops.operator.decision.Observed;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an apply of the declared fleet would do, object by object: the operator's own decisions ({@code decision}),
 * made on what the cloud holds (observed through the same lookups as the reconcilers, on a read-only snapshot) and
 * rendered by {@link StepRenderer}. It decides nothing itself: it resolves what a manifest refers to the way an apply
 * would (a Pbx of a company being created goes to the site that company's steps create), and reads only.
 */
public final class Planner {

    /** Timings do not matter to a plan: it waits for nothing. */
    private static final DecisionContext CONTEXT = DecisionContext.of(Duration.ZERO, Duration.ZERO);

    /** What a declared company stands for in the cloud (null: it would be created). */
    record CompanyState(CloudCompany company, CloudSite site) {}

    private final CloudPort cloud;
    private final CloudLookups lookups;
    private final PbxSide pbxSide;
    private final Map<ResourceID, CompanyState> companies = new HashMap<>();
    private final Map<ResourceID, CloudSystem> systems = new HashMap<>();
    private final Set<CloudRef> managed = new HashSet<>();
    private ManifestClaims claims;
    private Capabilities capabilities = Capabilities.ASSUMED;

    /** @param pbxSide reads the PBXs' management endpoints; null to leave them unread */
    public Planner(CloudPort cloud, PbxSide pbxSide) {
        this.cloud = cloud;
        this.lookups = new CloudLookups(cloud);
        this.pbxSide = pbxSide;
    }

    /**
     * @param base the manifests before the change (a pull request's base), or null: with it, objects it declares and
     *             {@code head} does not are planned as deletions, and reset tokens are compared with it
     * @param all  the scope is the reseller's whole fleet, not only the companies the manifests name
     */
    public FleetPlan plan(DeclaredFleet head, DeclaredFleet base, boolean all) {
        claims = new ManifestClaims(head);
        capabilities = new Capabilities(cloud.gateways().served());
        List<ObjectPlan> objects = new ArrayList<>();
        head.companies().forEach(company -> objects.add(company(company, head)));
        head.pbxs().forEach(pbx -> objects.add(pbx(pbx, head, base)));
        head.shares().forEach(share -> objects.add(share(share)));
        head.gateways().forEach(gateway -> objects.add(gateway(gateway, head)));
        List<String> cannotKnow = new ArrayList<>();
        if (base != null) {
            DeletionPlanner deletions = new DeletionPlanner(cloud, head, base);
            objects.addAll(deletions.plan());
            managed.addAll(deletions.leavingManagement());
        } else {
            cannotKnow.add(
                    "objects removed from the manifests: give --base with the manifests before the change to see "
                            + "what their removal deletes (once a GitOps agent prunes them)");
        }
        cannotKnow.add(
                "objects the operator already manages keep the cloud IDs in their status (not read here); a plan "
                        + "finds them by their pbxops.io/external-id annotation or by name, as the operator does for a new object");
        List<UnmanagedObject> notManaged = new UnmanagedObjects(cloud, new UnmanagedObjects.Managed(managed)).find(all);
        return new FleetPlan(objects.stream().filter(o -> !o.steps().isEmpty()).toList(), notManaged, cannotKnow);
    }

    private ObjectPlan company(Company company, DeclaredFleet head) {
        Observed<CloudCompany> found = lookups.company(Annotations.externalId(company), company);
        Optional<CloudSite> site = found.object().flatMap(c -> lookups.site(null, company, c.id()));
        boolean siteMayBeRenamed = found.present()
                && site.isEmpty()
                && cloud.sites().listAll().anyMatch(s -> found.get().id().equals(s.companyId()));
        Decision<CompanyDecision.View> decision = CompanyDecision.decide(
                new CompanyDecision.Desired(company, Dependents.of(company, head)),
                new CompanyDecision.Observation(found, site, siteMayBeRenamed),
                context(company));
        companies.put(key(company), new CompanyState(found.object().orElse(null), site.orElse(null)));
        found.object().ifPresent(c -> managed.add(CloudRef.company(c.id())));
        site.ifPresent(s -> managed.add(CloudRef.site(s.id())));
        return objectPlan(company, found.object().map(CloudCompany::id).orElse(null), decision.steps(), false);
    }

    private ObjectPlan pbx(Pbx pbx, DeclaredFleet head, DeclaredFleet base) {
        NumberingPlan plan = pbx.getSpec().getNumberingPlanRef() == null
                ? null
                : head.numberingPlan(
                                FleetView.namespaceOf(pbx),
                                pbx.getSpec().getNumberingPlanRef().getName())
                        .orElse(null);
        PbxDecision.Owner owner = null;
        if (!pbx.getSpec().isSharedPbx()) {
            String companyName = pbx.getSpec().getCompanyRef().getName();
            CompanyState state = companies.get(new ResourceID(companyName, FleetView.namespaceOf(pbx)));
            owner = new PbxDecision.Owner(
                    companyName,
                    state == null || state.site() == null ? null : state.site().id());
        }
        PbxDecision.Endpoint endpoint = pbx.getSpec().getEndpoint() == null
                ? null
                : pbxSide == null ? EndpointTargets.intentFromSpec(pbx) : pbxSide.endpoint(pbx);
        PbxDecision.Desired desired = new PbxDecision.Desired(pbx, plan, owner, endpoint);
        Observed<CloudSystem> system =
                lookups.system(Annotations.externalId(pbx), pbx, owner == null ? null : owner.siteId());
        String baseToken = base == null
                ? null
                : base.pbx(FleetView.namespaceOf(pbx), pbx.getMetadata().getName())
                        .map(p -> p.getSpec().getResetToken())
                        .orElse(null);
        PbxDecision.ResetMemory memory = PbxDecision.ResetMemory.fromBase(base != null, baseToken);
        PbxDecision.PbxSide side =
                PbxDecision.needsPbxSide(desired, system.object().orElse(null), memory)
                        ? readPbx(pbx)
                        : new PbxDecision.PbxSide.NotRead("not needed");
        Decision<PbxDecision.View> decision = PbxDecision.decide(
                desired,
                new PbxDecision.Observation(system, null, side, PbxDecision.SecretContent.UNKNOWN),
                memory,
                context(pbx));
        system.object().ifPresent(s -> {
            systems.put(key(pbx), s);
            managed.add(CloudRef.system(s.id()));
            if (desired.owner() != null && desired.owner().siteId() != null) {
                managed.add(CloudRef.link(s.id(), desired.owner().siteId()));
            }
        });
        return objectPlan(pbx, system.object().map(CloudSystem::id).orElse(null), decision.steps(), false);
    }

    private PbxDecision.PbxSide readPbx(Pbx pbx) {
        if (pbxSide == null) {
            return new PbxDecision.PbxSide.NotRead("the operator enters the activation data on the PBX through "
                    + EndpointTargets.intentFromSpec(pbx).description()
                    + " while it is Pending; --pbx-endpoints reads what the PBX holds");
        }
        return pbxSide.read(pbx);
    }

    private ObjectPlan share(PbxShare share) {
        String namespace = FleetView.namespaceOf(share);
        String pbxName = share.getSpec().getPbxRef().getName();
        String companyName = share.getSpec().getCompanyRef().getName();
        CloudSystem system = systems.get(new ResourceID(pbxName, namespace));
        CompanyState company = companies.get(new ResourceID(companyName, namespace));
        CloudSite site = company == null ? null : company.site();
        ShareDecision.Desired desired = new ShareDecision.Desired(
                share, pbxName, companyName, system == null ? null : system.id(), site == null ? null : site.id());
        Decision<ShareDecision.View> decision =
                ShareDecision.decide(desired, new ShareDecision.Observation(Optional.ofNullable(system)), CONTEXT);
        // Two shares of one link are refused by validate; the second would show nothing more.
        if (system != null && site != null && !managed.add(CloudRef.link(system.id(), site.id()))) {
            return objectPlan(share, null, List.of(), false);
        }
        return objectPlan(share, null, decision.steps(), false);
    }

    private ObjectPlan gateway(WebRtcGateway gateway, DeclaredFleet head) {
        Pbx pbx = head.pbx(
                        FleetView.namespaceOf(gateway),
                        gateway.getSpec().getPbxRef().getName())
                .orElseThrow();
        CloudSystem system = systems.get(key(pbx));
        Observed<CloudMediaPillar> found = system == null
                ? Observed.absent()
                : lookups.gateway(Annotations.externalId(gateway), gateway, system.id());
        Decision<GatewayDecision.View> decision = GatewayDecision.decide(
                new GatewayDecision.Desired(gateway, pbx, system == null ? null : system.id()),
                new GatewayDecision.Observation(found),
                context(gateway));
        found.object().ifPresent(g -> managed.add(CloudRef.gateway(g.id())));
        return objectPlan(gateway, found.object().map(CloudMediaPillar::id).orElse(null), decision.steps(), false);
    }

    /** The context of a declared object's decision: its claim among the manifests, what the cloud serves. */
    private DecisionContext context(HasMetadata object) {
        return CONTEXT.withClaim(claims.of(object)).withCapabilities(capabilities);
    }

    static ObjectPlan objectPlan(HasMetadata object, String cloudId, List<Step> steps, boolean pruning) {
        return new ObjectPlan(
                object.getKind(),
                FleetView.namespaceOf(object),
                object.getMetadata().getName(),
                cloudId,
                StepRenderer.render(object, steps, pruning),
                !pruning && Annotations.isPaused(object));
    }

    static ResourceID key(HasMetadata object) {
        return new ResourceID(object.getMetadata().getName(), FleetView.namespaceOf(object));
    }
}
