package io.pbxops.operator.gitops;

import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.mapping.CloudRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cloud objects of a plan's scope that no manifest declares, which the operator leaves alone: in the companies
 * the manifests name, their other sites, the systems linked to them, the links and gateways of declared systems
 * that no manifest declares; with {@code --all}, everything of the reseller.
 */
final class UnmanagedObjects {

    /** What the declared objects stand for in the cloud. */
    record Managed(Set<CloudRef> refs) {

        Managed {
            refs = Set.copyOf(refs);
        }

        boolean contains(CloudRef ref) {
            return refs.contains(ref);
        }

        Set<String> companyIds() {
            return refs.stream()
                    .filter(ref -> ref.kind() == CloudRef.Kind.COMPANY)
                    .map(CloudRef::id)
                    .collect(Collectors.toSet());
        }
    }

    private final CloudPort cloud;
    private final Managed managed;

    UnmanagedObjects(CloudPort cloud, Managed managed) {
        this.cloud = cloud;
        this.managed = managed;
    }

    List<UnmanagedObject> find(boolean all) {
        Map<String, CloudCompany> companies = cloud.companies()
                .listAll()
                .collect(Collectors.toMap(CloudCompany::id, Function.identity(), (a, b) -> a));
        Map<String, CloudSite> sites =
                cloud.sites().listAll().collect(Collectors.toMap(CloudSite::id, Function.identity(), (a, b) -> a));
        Set<String> scope = new HashSet<>(managed.companyIds());
        if (all) {
            companies.values().stream()
                    .filter(c -> !CloudSnapshot.isReseller(c))
                    .forEach(c -> scope.add(c.id()));
        }
        List<UnmanagedObject> found = new ArrayList<>();
        companies.values().stream()
                .filter(c -> scope.contains(c.id()) && !managed.contains(CloudRef.company(c.id())))
                .forEach(c -> found.add(new UnmanagedObject("Company", c.id(), c.name(), "")));
        sites.values().stream()
                .filter(s -> scope.contains(s.companyId()) && !managed.contains(CloudRef.site(s.id())))
                .forEach(s -> found.add(new UnmanagedObject(
                        "Site", s.id(), s.name(), "of company " + companyName(companies, s.companyId()))));
        for (CloudSystem system : cloud.systems().listAll().toList()) {
            List<CloudSite> linked = system.siteId() == null
                    ? List.of()
                    : system.siteId().stream()
                            .map(sites::get)
                            .filter(s -> s != null)
                            .toList();
            boolean inScope = all || linked.stream().anyMatch(s -> scope.contains(s.companyId()));
            if (!inScope) {
                continue;
            }
            if (!managed.contains(CloudRef.system(system.id()))) {
                found.add(new UnmanagedObject("Pbx", system.id(), system.name(), where(companies, linked)));
                continue;
            }
            linked.stream()
                    .filter(s -> scope.contains(s.companyId()) && !managed.contains(CloudRef.link(system.id(), s.id())))
                    .forEach(s -> found.add(new UnmanagedObject(
                            "PbxShare",
                            system.id(),
                            system.name(),
                            "linked to site \"" + s.name() + "\" of company "
                                    + companyName(companies, s.companyId()))));
            cloud.gateways()
                    .listBySystem(system.id())
                    .filter(g -> !managed.contains(CloudRef.gateway(g.id())))
                    .forEach(g -> found.add(gateway(g, system)));
        }
        return found;
    }

    private static UnmanagedObject gateway(CloudMediaPillar gateway, CloudSystem system) {
        return new UnmanagedObject(
                "WebRtcGateway", gateway.id(), gateway.name(), "of system \"" + system.name() + "\"");
    }

    private static String where(Map<String, CloudCompany> companies, List<CloudSite> linked) {
        if (linked.isEmpty()) {
            return "linked to no site";
        }
        return "in "
                + String.join(
                        ", ",
                        linked.stream()
                                .map(s -> "company " + companyName(companies, s.companyId()))
                                .distinct()
                                .toList());
    }

    private static String companyName(Map<String, CloudCompany> companies, String id) {
        CloudCompany company = companies.get(id);
        return company == null ? id : "\"" + company.name() + "\"";
    }
}
