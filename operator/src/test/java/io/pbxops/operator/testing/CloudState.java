package io.pbxops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.RequestCount;
import io.pbxops.simulator.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Assertions read straight from the simulated cloud: what exists there, and which calls it received. */
public final class CloudState {

    private static final String ADMIN = "/api/rainbow/admin/v1.0";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

    private final Simulator simulator;

    public CloudState(Simulator simulator) {
        this.simulator = simulator;
    }

    public List<JsonNode> systems() {
        return list("systems");
    }

    public List<JsonNode> systemsNamed(String name) {
        return systems().stream()
                .filter(s -> name.equals(s.path("name").asText()))
                .toList();
    }

    public JsonNode system(String name) {
        List<JsonNode> found = systemsNamed(name);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " systems named " + name);
        }
        return found.get(0);
    }

    /** The IDs of the sites the system of that name is linked to, sorted. */
    public List<String> siteIds(String systemName) {
        List<String> sites = new ArrayList<>();
        system(systemName).path("siteId").forEach(site -> sites.add(site.asText()));
        return sites.stream().sorted().toList();
    }

    public List<JsonNode> companies() {
        String bp = simulator.control().state().path("bpCompanyId").asText();
        return list("companies").stream()
                .filter(c -> !bp.equals(c.path("id").asText()))
                .toList();
    }

    public List<JsonNode> companiesNamed(String name) {
        return companies().stream()
                .filter(c -> name.equals(c.path("name").asText()))
                .toList();
    }

    public List<JsonNode> sites() {
        return list("sites");
    }

    public List<JsonNode> gateways() {
        return list("mediaPillars");
    }

    /** Requests to the admin API with this method whose route starts with {@code routePrefix} (after the base path). */
    public long requests(String method, String routePrefix) {
        return simulator.control().requestCounts().stream()
                .filter(c -> c.method().equals(method) && c.route().startsWith(ADMIN + routePrefix))
                .mapToLong(RequestCount::count)
                .sum();
    }

    /** Every write (POST, PUT, DELETE) to the admin API, for measurements; a test that nothing was written uses NoWrites. */
    public long writes() {
        return simulator.control().requestCounts().stream()
                .filter(c -> WRITES.contains(c.method()) && c.route().startsWith(ADMIN))
                .mapToLong(RequestCount::count)
                .sum();
    }

    public long adminRequests() {
        return simulator.control().requestCounts().stream()
                .filter(c -> c.route().startsWith(ADMIN))
                .mapToLong(RequestCount::count)
                .sum();
    }

    /** Every request of the cloud's admin and authentication APIs. */
    public long cloudRequests() {
        return simulator.control().requestCounts().stream()
                .filter(c -> c.route().startsWith("/api/rainbow/"))
                .mapToLong(RequestCount::count)
                .sum();
    }

    /** Requests to the O2G management API (any PBX endpoint). */
    public long o2gRequests() {
        return simulator.control().requestCounts().stream()
                .filter(c -> c.route().startsWith("/api/rest"))
                .mapToLong(RequestCount::count)
                .sum();
    }

    public List<RequestCount> counts() {
        return simulator.control().requestCounts();
    }

    private List<JsonNode> list(String field) {
        JsonNode array = simulator.control().state().path(field);
        List<JsonNode> items = new ArrayList<>();
        StreamSupport.stream(array.spliterator(), false).forEach(items::add);
        return items;
    }
}
