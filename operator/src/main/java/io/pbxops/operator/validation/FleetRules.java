package io.pbxops.operator.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.GatewayType;
import io.pbxops.operator.api.LocalObjectReference;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.PbxSpec;
import io.pbxops.operator.api.PbxType;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.validation.FleetProblem.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules of docs/domain.md#rules-for-bad-input that span several objects: references resolve, a PbxShare names a
 * shared Pbx, a gateway fits its Pbx, and no two objects claim the same cloud object (equipment ID, adopted ID,
 * name).
 */
public final class FleetRules {

    private FleetRules() {}

    public static List<FleetProblem> checkAll(FleetView fleet) {
        List<FleetProblem> problems = new ArrayList<>();
        fleet.companies().forEach(company -> problems.addAll(checkCompany(company, fleet)));
        fleet.pbxs().forEach(pbx -> problems.addAll(checkPbx(pbx, fleet)));
        fleet.shares().forEach(share -> problems.addAll(checkShare(share, fleet)));
        fleet.gateways().forEach(gateway -> problems.addAll(checkGateway(gateway, fleet)));
        return problems;
    }

    public static List<FleetProblem> checkCompany(Company company, FleetView fleet) {
        List<FleetProblem> problems = new ArrayList<>();
        String cloudName = companyCloudName(company);
        firstOther(fleet.companies(), company, c -> companyCloudName(c).equals(cloudName))
                .ifPresent(other -> problems.add(conflict(
                        company,
                        "spec.displayName",
                        "Company " + describe(other) + " already manages the cloud company named \"" + cloudName
                                + "\"; give one of them another displayName")));
        sameExternalId(fleet.companies(), company, problems);
        return problems;
    }

    public static List<FleetProblem> checkPbx(Pbx pbx, FleetView fleet) {
        List<FleetProblem> problems = new ArrayList<>();
        PbxSpec spec = pbx.getSpec();
        if (spec == null) {
            return problems;
        }
        String namespace = FleetView.namespaceOf(pbx);
        if (!spec.isSharedPbx()
                && spec.getCompanyRef() != null
                && fleet.company(namespace, spec.getCompanyRef().getName()).isEmpty()) {
            problems.add(missing(pbx, "spec.companyRef.name", "Company", spec.getCompanyRef()));
        }
        if (spec.getNumberingPlanRef() != null
                && fleet.numberingPlan(namespace, spec.getNumberingPlanRef().getName())
                        .isEmpty()) {
            problems.add(missing(pbx, "spec.numberingPlanRef.name", "NumberingPlan", spec.getNumberingPlanRef()));
        }
        String equipmentId = spec.fleetEquipmentId();
        if (equipmentId != null) {
            firstOther(
                            fleet.pbxs(),
                            pbx,
                            other -> equipmentId.equals(other.getSpec().fleetEquipmentId()))
                    .ifPresent(other -> problems.add(conflict(
                            pbx,
                            "spec.activation.installationReference",
                            "Pbx " + describe(other)
                                    + " already has this equipment ID (the same fleet and installation references); each PBX of the fleet "
                                    + "has its own installation reference")));
        }
        String owner = ownerKey(pbx);
        String serverName = serverName(pbx);
        firstOther(
                        fleet.pbxs(),
                        pbx,
                        other -> ownerKey(other).equals(owner)
                                && serverName(other).equals(serverName))
                .ifPresent(other -> problems.add(conflict(
                        pbx,
                        "spec.serverName",
                        "Pbx " + describe(other) + " already declares a PBX named \"" + serverName + "\" "
                                + (spec.isSharedPbx() ? "at reseller level" : "in this company")
                                + "; give one of them another serverName")));
        if (isDefaultRoute(pbx) && !spec.isSharedPbx()) {
            firstOther(
                            fleet.pbxs(),
                            pbx,
                            other -> isDefaultRoute(other) && ownerKey(other).equals(owner))
                    .ifPresent(
                            other -> problems.add(
                                    conflict(
                                            pbx,
                                            "spec.webRtc.defaultRoute",
                                            "Pbx " + describe(other)
                                                    + " is already the company's default WebRTC route; a company has one default route")));
        }
        sameExternalId(fleet.pbxs(), pbx, problems);
        return problems;
    }

    public static List<FleetProblem> checkShare(PbxShare share, FleetView fleet) {
        List<FleetProblem> problems = new ArrayList<>();
        if (share.getSpec() == null
                || share.getSpec().getPbxRef() == null
                || share.getSpec().getCompanyRef() == null) {
            return problems;
        }
        String namespace = FleetView.namespaceOf(share);
        Optional<Pbx> pbx = fleet.pbx(namespace, share.getSpec().getPbxRef().getName());
        if (pbx.isEmpty()) {
            problems.add(
                    missing(share, "spec.pbxRef.name", "Pbx", share.getSpec().getPbxRef()));
        } else if (pbx.get().getSpec() != null && !pbx.get().getSpec().isSharedPbx()) {
            problems.add(new FleetProblem(
                    share,
                    Problem.of(
                            "spec.pbxRef.name",
                            "Pbx " + pbx.get().getMetadata().getName()
                                    + " is not shared: only a Pbx with spec.shared: true is associated to companies by PbxShare",
                            "fleet/share-of-unshared"),
                    Severity.INVALID));
        }
        if (fleet.company(namespace, share.getSpec().getCompanyRef().getName()).isEmpty()) {
            problems.add(missing(
                    share, "spec.companyRef.name", "Company", share.getSpec().getCompanyRef()));
        }
        firstOther(
                        fleet.shares(),
                        share,
                        other -> FleetView.namespaceOf(other).equals(namespace)
                                && other.getSpec() != null
                                && share.getSpec()
                                        .getPbxRef()
                                        .equals(other.getSpec().getPbxRef())
                                && share.getSpec()
                                        .getCompanyRef()
                                        .equals(other.getSpec().getCompanyRef()))
                .ifPresent(other -> problems.add(conflict(
                        share,
                        "spec.companyRef.name",
                        "PbxShare " + describe(other) + " already associates this Pbx with this Company")));
        return problems;
    }

    public static List<FleetProblem> checkGateway(WebRtcGateway gateway, FleetView fleet) {
        List<FleetProblem> problems = new ArrayList<>();
        if (gateway.getSpec() == null || gateway.getSpec().getPbxRef() == null) {
            return problems;
        }
        String namespace = FleetView.namespaceOf(gateway);
        Optional<Pbx> found = fleet.pbx(namespace, gateway.getSpec().getPbxRef().getName());
        if (found.isEmpty()) {
            problems.add(missing(
                    gateway, "spec.pbxRef.name", "Pbx", gateway.getSpec().getPbxRef()));
            return problems;
        }
        Pbx pbx = found.get();
        GatewayType type = gateway.getSpec().getType();
        if (pbx.getSpec() != null
                && type == GatewayType.Internal
                && pbx.getSpec().getType() != PbxType.OXOConnectEvolution) {
            problems.add(new FleetProblem(
                    gateway,
                    Problem.of(
                            "spec.type",
                            "an Internal gateway is embedded in an OXO Connect Evolution; Pbx "
                                    + pbx.getMetadata().getName() + " is "
                                    + pbx.getSpec().getType() + ": use Cloud or External",
                            "fleet/gateway-type"),
                    Severity.INVALID));
        }
        if (pbx.getSpec() != null
                && (pbx.getSpec().getWebRtc() == null
                        || !Boolean.TRUE.equals(pbx.getSpec().getWebRtc().getEnabled()))) {
            problems.add(new FleetProblem(
                    gateway,
                    Problem.of(
                            "spec.pbxRef.name",
                            "Pbx " + pbx.getMetadata().getName()
                                    + " does not activate its WebRTC gateway: set spec.webRtc.enabled and spec.webRtc.licenseAccepted to true on it",
                            "fleet/gateway-webrtc"),
                    Severity.INVALID));
        }
        String pbxName = pbx.getMetadata().getName();
        if (type == null) {
            return problems; // not a gateway type at all: the schema check reports it
        }
        firstOther(
                        fleet.gateways(),
                        gateway,
                        other -> FleetView.namespaceOf(other).equals(namespace)
                                && other.getSpec() != null
                                && other.getSpec().getPbxRef() != null
                                && other.getSpec().getType() != null
                                && pbxName.equals(other.getSpec().getPbxRef().getName())
                                && (other.getSpec().getType() != type || type != GatewayType.External))
                .ifPresent(other -> problems.add(conflict(
                        gateway,
                        "spec.type",
                        "WebRtcGateway " + describe(other) + " already serves Pbx " + pbxName + " as a "
                                + other.getSpec().getType()
                                + " gateway; a PBX has one gateway type, and only External gateways come several")));
        sameExternalId(fleet.gateways(), gateway, problems);
        return problems;
    }

    /** The company name the cloud knows: the one a create would use and an adoption would look for. */
    public static String companyCloudName(Company company) {
        String displayName =
                company.getSpec() == null ? null : company.getSpec().getDisplayName();
        return displayName == null ? company.getMetadata().getName() : displayName;
    }

    public static String serverName(Pbx pbx) {
        String serverName = pbx.getSpec().getServerName();
        return serverName == null ? pbx.getMetadata().getName() : serverName;
    }

    /** Where a PBX's name must be unique: its company, or the reseller level for shared ones. */
    private static String ownerKey(Pbx pbx) {
        PbxSpec spec = pbx.getSpec();
        if (spec == null || spec.isSharedPbx() || spec.getCompanyRef() == null) {
            return "reseller";
        }
        return "company:" + FleetView.namespaceOf(pbx) + "/"
                + spec.getCompanyRef().getName();
    }

    private static boolean isDefaultRoute(Pbx pbx) {
        return pbx.getSpec() != null
                && pbx.getSpec().getWebRtc() != null
                && Boolean.TRUE.equals(pbx.getSpec().getWebRtc().getDefaultRoute());
    }

    private static <T extends CustomResource<?, ?>> void sameExternalId(
            Iterable<T> all, T object, List<FleetProblem> problems) {
        String externalId = externalId(object);
        if (externalId == null) {
            return;
        }
        firstOther(all, object, other -> externalId.equals(externalId(other)))
                .ifPresent(other -> problems.add(conflict(
                        object,
                        "metadata.annotations[" + Annotations.EXTERNAL_ID + "]",
                        object.getKind() + " " + describe(other) + " already adopts the cloud object " + externalId)));
    }

    private static String externalId(HasMetadata object) {
        return object.getMetadata().getAnnotations() == null
                ? null
                : object.getMetadata().getAnnotations().get(Annotations.EXTERNAL_ID);
    }

    /** The first other object matching, if it comes before this one: only the later of two duplicates is at fault. */
    private static <T extends CustomResource<?, ?>> Optional<T> firstOther(
            Iterable<T> all, T object, Predicate<T> matches) {
        for (T candidate : all) {
            if (sameObject(candidate, object)) {
                return Optional.empty();
            }
            if (candidate.getSpec() != null && matches.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The same object, maybe another copy of it (a cache holds its own). */
    private static boolean sameObject(HasMetadata a, HasMetadata b) {
        return FleetView.namespaceOf(a).equals(FleetView.namespaceOf(b))
                && a.getMetadata().getName().equals(b.getMetadata().getName());
    }

    private static FleetProblem missing(HasMetadata object, String field, String kind, LocalObjectReference reference) {
        return new FleetProblem(
                object,
                Problem.of(
                        field,
                        kind + " " + reference.getName() + " does not exist in "
                                + (FleetView.namespaceOf(object).isEmpty()
                                        ? "the same namespace"
                                        : "namespace " + FleetView.namespaceOf(object)),
                        "fleet/missing-reference"),
                Severity.MISSING_REFERENCE);
    }

    private static FleetProblem conflict(HasMetadata object, String field, String message) {
        return new FleetProblem(object, Problem.of(field, message, "fleet/conflict"), Severity.CONFLICT);
    }

    private static String describe(HasMetadata object) {
        String namespace = FleetView.namespaceOf(object);
        return (namespace.isEmpty() ? "" : namespace + "/")
                + object.getMetadata().getName();
    }
}
