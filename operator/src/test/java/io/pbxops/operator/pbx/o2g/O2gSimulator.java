package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.operator.api.PbxType;
import io.pbxops.operator.cloud.support.SimControl;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.operator.pbx.EndpointKind;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The simulator's O2G side for the driver's contract tests: virtual hosts, targets on them, and its counters. */
final class O2gSimulator {

    static final String REST = "/api/rest";
    static final String V1 = REST + "/1.0";
    static final String DISCOVER = REST;
    static final String AUTHENTICATE = REST + "/authenticate";
    static final String SESSIONS = V1 + "/sessions";
    static final String MODEL = V1 + "/pbxs/{nodeId}/model";
    static final String INSTANCE = V1 + "/pbxs/{nodeId}/instances/{objectName}/{objectId}";

    /** Retries quick enough for tests, with the same shape as the defaults. */
    static final O2gRetrySettings QUICK_RETRIES =
            new O2gRetrySettings(Duration.ofMillis(10), Duration.ofMillis(80), 0.25, 4, Duration.ofSeconds(5));

    private final SimulatorExtension sim;

    O2gSimulator(SimulatorExtension sim) {
        this.sim = sim;
    }

    SimControl control() {
        return sim.control();
    }

    /** A virtual O2G host with nodes {@code 1..nodes}. */
    void addHost(String host, String username, String password, int nodes) {
        List<Map<String, Object>> specs = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            specs.add(Map.of("nodeId", String.valueOf(n), "fqdn", "oxe" + n + "." + host));
        }
        sim.control().addO2gHost(Map.of("host", host, "username", username, "password", password, "nodes", specs));
    }

    /** The client settings of the tests: every host routed to the simulator, quick retries. */
    O2gClientConfig clientConfig() {
        return O2gClientConfig.defaults()
                .withRouting(EndpointRouting.forwardingTo(sim.o2gUrl()))
                .withRetry(QUICK_RETRIES);
    }

    O2gDriverOptions driverOptions() {
        return O2gDriverOptions.defaults().withClient(clientConfig());
    }

    static PbxEndpointTarget target(String host, String node, String username, String password) {
        return new PbxEndpointTarget(
                PbxType.OmniPCXEnterprise,
                EndpointKind.O2G,
                URI.create("https://" + host),
                null,
                node,
                username,
                password);
    }

    /** Every request the O2G side answered (or dropped) since the counters were last cleared. */
    long requests() {
        return byRoute().values().stream().mapToLong(Long::longValue).sum();
    }

    /** O2G requests by {@code METHOD route status}, e.g. {@code GET /api/rest/1.0/pbxs/{nodeId}/model 200}. */
    Map<String, Long> byRoute() {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode count : sim.control().requestCounts()) {
            String route = count.path("route").asText();
            if (route.startsWith(REST)) {
                counts.merge(
                        count.path("method").asText() + " " + route + " "
                                + count.path("status").asInt(),
                        count.path("count").asLong(),
                        Long::sum);
            }
        }
        return counts;
    }

    long requests(String method, String route) {
        return sim.control().requests(method, route);
    }

    long requests(String method, String route, int status) {
        return sim.control().requests(method, route, status);
    }

    void o2gFaults(Map<String, ?> settings) {
        Map<String, Object> body = new TreeMap<>(settings);
        body.put("target", "o2g");
        sim.control().faults(body);
    }
}
