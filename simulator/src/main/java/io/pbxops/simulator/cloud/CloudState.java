package io.pbxops.simulator.cloud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything the cloud stores, in insertion order, guarded by the world lock. Serialised as is into the state file;
 * the pbxId index is rebuilt after loading.
 */
public final class CloudState {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    static final List<String> FACTORY_GATEWAY_VERSIONS = List.of("2.4.1", "2.5.0");

    String bpCompanyId;
    String userId;
    final Map<String, Company> companies = new LinkedHashMap<>();
    final Map<String, Site> sites = new LinkedHashMap<>();
    final Map<String, PbxSystem> systems = new LinkedHashMap<>();
    final Map<String, MediaPillar> mediaPillars = new LinkedHashMap<>();
    final List<String> gatewayVersions = new ArrayList<>(FACTORY_GATEWAY_VERSIONS);
    private final transient Map<String, PbxSystem> systemsByPbxId = new HashMap<>();

    boolean idTaken(String id) {
        return companies.containsKey(id)
                || sites.containsKey(id)
                || systems.containsKey(id)
                || mediaPillars.containsKey(id)
                || id.equals(userId);
    }

    /** Empties the cloud but for the BP company the account belongs to. */
    void clear() {
        Company bp = companies.get(bpCompanyId);
        companies.clear();
        companies.put(bp.id, bp);
        sites.clear();
        systems.clear();
        mediaPillars.clear();
        gatewayVersions.clear();
        gatewayVersions.addAll(FACTORY_GATEWAY_VERSIONS);
        systemsByPbxId.clear();
    }

    void replaceWith(CloudState saved) {
        bpCompanyId = saved.bpCompanyId;
        userId = saved.userId;
        companies.clear();
        companies.putAll(saved.companies);
        sites.clear();
        sites.putAll(saved.sites);
        systems.clear();
        systems.putAll(saved.systems);
        mediaPillars.clear();
        mediaPillars.putAll(saved.mediaPillars);
        gatewayVersions.clear();
        gatewayVersions.addAll(saved.gatewayVersions);
        reindex();
    }

    private void reindex() {
        systemsByPbxId.clear();
        systems.values().forEach(s -> systemsByPbxId.put(s.pbxId, s));
    }

    void addSystem(PbxSystem system) {
        systems.put(system.id, system);
        systemsByPbxId.put(system.pbxId, system);
    }

    void removeSystem(PbxSystem system) {
        systems.remove(system.id);
        systemsByPbxId.remove(system.pbxId);
    }

    PbxSystem systemByPbxId(String pbxId) {
        return systemsByPbxId.get(pbxId);
    }

    Company company(String id) {
        return require(companies, id, "Company");
    }

    Site site(String id) {
        return require(sites, id, "Site");
    }

    PbxSystem system(String id) {
        return require(systems, id, "System");
    }

    MediaPillar mediaPillar(String id) {
        checkId(id);
        MediaPillar pillar = mediaPillars.get(id);
        if (pillar == null) {
            throw new CloudException(404, 404030, "Media Pillar with id " + id + " does not exist.");
        }
        return pillar;
    }

    boolean hasMediaPillar(PbxSystem system) {
        return mediaPillars.values().stream().anyMatch(p -> p.systemId.equals(system.id));
    }

    /** The company of each site the system is linked to. */
    List<String> companiesOf(PbxSystem system) {
        return system.siteIds.stream()
                .map(siteId -> sites.get(siteId).settings.companyId())
                .distinct()
                .toList();
    }

    String newestGatewayVersion() {
        return gatewayVersions.stream().max(Comparator.comparing(Versions::key)).orElseThrow();
    }

    static void checkId(String id) {
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            throw CloudException.invalid(
                    "id",
                    "Invalid resource identifiers, expected UUID: identifier must be alpha-numeric and have a length of 24 chars",
                    id);
        }
    }

    private static <T> T require(Map<String, T> map, String id, String kind) {
        checkId(id);
        T found = map.get(id);
        if (found == null) {
            throw CloudException.notFound(kind + " with id " + id + " does not exist.");
        }
        return found;
    }
}
