package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
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
import io.pbxops.operator.mapping.Changes;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.mapping.FieldList;
import io.pbxops.operator.mapping.GatewayMapping;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.ManagedReconciler;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.FleetView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Computes what an apply of the declared fleet would do, object by object, the way the reconcilers would do it: the
 * same lookups ({@link Lookups}) and the same mapping ({@code CompanyMapping}, {@code SystemMapping},
 * {@code GatewayMapping}) on the same inputs. Reads only: the cloud through {@link CloudPort#observe}-style calls, the
 * PBXs through {@link PbxSide}.
 */
public final class Planner {

    /** What a declared object stands for in the cloud (null: it would be created). */
    record CompanyState(CloudCompany company, CloudSite site) {}

    private final Lookups lookups;
    private final PbxSide pbxSide;
    private final Map<String, CompanyState> companies = new HashMap<>();
    private final Map<String, CloudSystem> systems = new HashMap<>();
    private final Map<String, CloudMediaPillar> gateways = new HashMap<>();
    private final Set<String> declaredLinks = new HashSet<>();
    private final Set<String> removedCompanies = new HashSet<>();
    private final Set<String> removedSystems = new HashSet<>();
    private final Set<String> removedGateways = new HashSet<>();

    /** @param pbxSide reads the PBXs' management endpoints; null to leave them unread */
    public Planner(CloudPort cloud, PbxSide pbxSide) {
        this.lookups = new Lookups(cloud);
        this.pbxSide = pbxSide;
    }

    /**
     * @param base the manifests before the change (a pull request's base), or null: with it, objects it declares and
     *             {@code head} does not are planned as deletions, and reset tokens are compared with it
     * @param all  the scope is the reseller's whole fleet, not only the companies the manifests name
     */
    public FleetPlan plan(DeclaredFleet head, DeclaredFleet base, boolean all) {
        List<ObjectPlan> objects = new ArrayList<>();
        head.companies().forEach(company -> objects.add(company(company)));
        head.pbxs().forEach(pbx -> objects.add(pbx(pbx, head, base)));
        head.shares().forEach(share -> objects.add(share(share, head)));
        head.gateways().forEach(gateway -> objects.add(gateway(gateway, head)));
        List<String> cannotKnow = new ArrayList<>();
        if (base != null) {
            List<ObjectPlan> deletions = new DeletionPlanner(lookups, head, base).plan();
            objects.addAll(deletions);
            deletions.forEach(this::leavingManagement);
        } else {
            cannotKnow.add(
                    "objects removed from the manifests: give --base with the manifests before the change to see "
                            + "what their removal deletes (once a GitOps agent prunes them)");
        }
        cannotKnow.add(
                "objects the operator already manages keep the cloud IDs in their status (not read here); a plan "
                        + "finds them by their pbxops.io/external-id annotation or by name, as the operator does for a new object");
        List<UnmanagedObject> notManaged = new UnmanagedObjects(lookups.cloud(), managed()).find(all);
        return new FleetPlan(objects.stream().filter(o -> !o.steps().isEmpty()).toList(), notManaged, cannotKnow);
    }

    /** An object removed from the manifests is still the operator's until its deletion is done: not "not managed". */
    private void leavingManagement(ObjectPlan deletion) {
        if (deletion.cloudId() == null) {
            return;
        }
        switch (deletion.kind()) {
            case "Company" -> removedCompanies.add(deletion.cloudId());
            case "Pbx" -> removedSystems.add(deletion.cloudId());
            case "WebRtcGateway" -> removedGateways.add(deletion.cloudId());
            case "PbxShare" ->
                deletion.steps().stream()
                        .map(PlanStep::cloudLink)
                        .filter(Objects::nonNull)
                        .forEach(declaredLinks::add);
            default -> {}
        }
    }

    private UnmanagedObjects.Managed managed() {
        return new UnmanagedObjects.Managed(
                ids(Stream.concat(
                        removedCompanies.stream(),
                        companies.values().stream()
                                .map(CompanyState::company)
                                .filter(Objects::nonNull)
                                .map(CloudCompany::id))),
                ids(companies.values().stream()
                        .map(CompanyState::site)
                        .filter(Objects::nonNull)
                        .map(CloudSite::id)),
                ids(Stream.concat(
                        removedSystems.stream(), systems.values().stream().map(CloudSystem::id))),
                ids(Stream.concat(
                        removedGateways.stream(), gateways.values().stream().map(CloudMediaPillar::id))),
                declaredLinks);
    }

    private static Set<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toSet());
    }

    private ObjectPlan company(Company company) {
        List<PlanStep> steps = new ArrayList<>();
        String knownId = ExternalIds.of(company);
        Optional<CloudCompany> found = lookups.company(company);
        CloudSite site = null;
        if (found.isPresent()) {
            CloudCompany cloudCompany = found.get();
            adoption(steps, knownId, cloudCompany.id(), "company \"" + cloudCompany.name() + "\"");
            update(steps, "company " + cloudCompany.id(), CompanyMapping.diff(cloudCompany, company));
            site = lookups.site(company, cloudCompany.id()).orElse(null);
            if (site != null) {
                update(steps, "site " + site.id(), CompanyMapping.diffSite(site, company));
            } else {
                steps.add(new PlanStep(
                        PlanAction.CREATE,
                        "site \"" + CompanyMapping.siteName(company) + "\"",
                        FieldList.of(CompanyMapping.desiredSite(company, cloudCompany.id()))));
                if (!lookups.cloud()
                        .sites()
                        .listAll()
                        .filter(s -> cloudCompany.id().equals(s.companyId()))
                        .toList()
                        .isEmpty()) {
                    steps.add(PlanStep.of(
                            PlanAction.UNKNOWN,
                            "if the operator already manages this company it renames "
                                    + "the site its status names instead of creating one"));
                }
            }
        } else {
            steps.add(new PlanStep(
                    PlanAction.CREATE,
                    "company \"" + CompanyMapping.cloudName(company) + "\"",
                    FieldList.of(CompanyMapping.desired(company))));
            steps.add(PlanStep.of(PlanAction.CREATE, "site \"" + CompanyMapping.siteName(company) + "\""));
        }
        companies.put(key(company), new CompanyState(found.orElse(null), site));
        return objectPlan(company, found.map(CloudCompany::id).orElse(null), steps);
    }

    private ObjectPlan pbx(Pbx pbx, DeclaredFleet head, DeclaredFleet base) {
        List<PlanStep> steps = new ArrayList<>();
        NumberingPlan plan = pbx.getSpec().getNumberingPlanRef() == null
                ? null
                : head.numberingPlan(
                                FleetView.namespaceOf(pbx),
                                pbx.getSpec().getNumberingPlanRef().getName())
                        .orElse(null);
        String ownerSiteId = null;
        String owner = "at reseller level";
        if (!pbx.getSpec().isSharedPbx()) {
            String companyName = pbx.getSpec().getCompanyRef().getName();
            CompanyState state = companies.get(FleetView.namespaceOf(pbx) + "/" + companyName);
            ownerSiteId =
                    state == null || state.site() == null ? null : state.site().id();
            owner = "in the site of Company/" + companyName;
        }
        Optional<CloudSystem> found = lookups.system(pbx, ownerSiteId);
        if (found.isPresent()) {
            CloudSystem system = found.get();
            adoption(steps, ExternalIds.of(pbx), system.id(), "system \"" + system.name() + "\"");
            update(steps, "system " + system.id(), SystemMapping.diff(system, pbx, plan));
            if (ownerSiteId != null) {
                declaredLinks.add(UnmanagedObjects.Managed.link(system.id(), ownerSiteId));
            }
            if (ownerSiteId != null && !system.isLinkedTo(ownerSiteId)) {
                steps.add(PlanStep.of(
                        PlanAction.LINK,
                        "link system " + system.id() + " to the site of Company/"
                                + pbx.getSpec().getCompanyRef().getName()));
            }
            systems.put(key(pbx), system);
        } else {
            steps.add(new PlanStep(
                    PlanAction.CREATE,
                    "system \"" + SystemMapping.serverName(pbx) + "\" " + owner
                            + (pbx.getSpec().fleetEquipmentId() != null
                                    ? ", its fleet references as equipment ID and activation code"
                                    : ", equipment ID and activation code generated")
                            + " (written to Secret " + activationSecret(pbx) + ")",
                    FieldList.of(SystemMapping.desired(pbx, plan))));
        }
        new ResetPlanner(base).plan(pbx, found.orElse(null)).ifPresent(steps::add);
        new PbxSidePlanner(pbxSide).plan(pbx, found.orElse(null), steps);
        return objectPlan(pbx, found.map(CloudSystem::id).orElse(null), steps);
    }

    private ObjectPlan share(PbxShare share, DeclaredFleet head) {
        String namespace = FleetView.namespaceOf(share);
        String pbxName = share.getSpec().getPbxRef().getName();
        String companyName = share.getSpec().getCompanyRef().getName();
        CloudSystem system = systems.get(namespace + "/" + pbxName);
        CompanyState company = companies.get(namespace + "/" + companyName);
        CloudSite site = company == null ? null : company.site();
        List<PlanStep> steps = new ArrayList<>();
        if (system == null || site == null) {
            steps.add(PlanStep.of(
                    PlanAction.LINK,
                    "link Pbx/" + pbxName + " to the site of Company/" + companyName
                            + " once both exist in the cloud"));
        } else if (declaredLinks.add(UnmanagedObjects.Managed.link(system.id(), site.id()))
                && !system.isLinkedTo(site.id())) {
            steps.add(PlanStep.of(
                    PlanAction.LINK,
                    "link system " + system.id() + " to site " + site.id() + " of Company/" + companyName));
        }
        return objectPlan(share, null, steps);
    }

    private ObjectPlan gateway(WebRtcGateway gateway, DeclaredFleet head) {
        Pbx pbx = head.pbx(
                        FleetView.namespaceOf(gateway),
                        gateway.getSpec().getPbxRef().getName())
                .orElseThrow();
        CloudSystem system = systems.get(key(pbx));
        List<PlanStep> steps = new ArrayList<>();
        Optional<CloudMediaPillar> found = system == null ? Optional.empty() : lookups.gateway(gateway, system.id());
        if (found.isPresent()) {
            CloudMediaPillar observed = found.get();
            adoption(steps, ExternalIds.of(gateway), observed.id(), "gateway \"" + observed.name() + "\"");
            update(steps, "gateway " + observed.id(), GatewayMapping.diff(observed, gateway, pbx));
            gateways.put(key(gateway), observed);
        } else {
            String on =
                    system == null ? "Pbx/" + pbx.getMetadata().getName() + " once it exists" : "system " + system.id();
            steps.add(new PlanStep(
                    PlanAction.CREATE,
                    GatewayMapping.cloudType(gateway.getSpec().getType()) + " WebRTC gateway on " + on,
                    FieldList.of(GatewayMapping.newGateway(gateway, pbx, "-").settings())));
        }
        return objectPlan(gateway, found.map(CloudMediaPillar::id).orElse(null), steps);
    }

    private static void adoption(List<PlanStep> steps, String knownId, String foundId, String what) {
        if (Lookups.annotationStale(knownId, foundId) || knownId == null) {
            String why = knownId == null ? "" : " (the annotated ID " + knownId + " is not in the cloud)";
            steps.add(PlanStep.of(PlanAction.ADOPT, "adopt the existing " + what + " " + foundId + why));
        }
    }

    private static void update(List<PlanStep> steps, String what, Changes<?> changes) {
        if (!changes.isEmpty()) {
            steps.add(new PlanStep(PlanAction.UPDATE, what, changes.fields()));
        }
    }

    static String activationSecret(Pbx pbx) {
        return pbx.getSpec().getActivation() != null
                        && pbx.getSpec().getActivation().getSecretName() != null
                ? pbx.getSpec().getActivation().getSecretName()
                : pbx.getMetadata().getName() + "-activation";
    }

    static ObjectPlan objectPlan(HasMetadata object, String cloudId, List<PlanStep> steps) {
        return new ObjectPlan(
                object.getKind(),
                FleetView.namespaceOf(object),
                object.getMetadata().getName(),
                cloudId,
                steps,
                object instanceof CustomResource<?, ?> resource && ManagedReconciler.isPaused(resource));
    }

    static String key(HasMetadata object) {
        return FleetView.namespaceOf(object) + "/" + object.getMetadata().getName();
    }
}
