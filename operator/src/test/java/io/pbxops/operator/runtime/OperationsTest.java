package io.pbxops.operator.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.testing.FleetHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health and metrics endpoints of a running operator. */
class OperationsTest {

    private FleetHarness fleet;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        fleet = FleetHarness.start(simulator -> simulator, settings -> settings, false);
        fleet.setOps("127.0.0.1", 0);
        fleet.startOperator();
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void probesAnswerAndMetricsCoverTheCloudTheReconcilesAndTheObjects() throws Exception {
        assertEquals(200, get("/healthz").statusCode());
        await().atMost(FleetHarness.CONVERGENCE).until(() -> get("/readyz").statusCode() == 200);
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata: {name: globex}
                spec: {displayName: Globex GmbH, country: DEU}
                """);
        fleet.awaitReady(Company.class, "globex");

        String metrics = get("/metrics").body();
        for (String expected : new String[] {
            "pbxops_cloud_requests_total{endpoint=\"POST /companies\",outcome=\"success\"} 1.0",
            "pbxops_reconcile_seconds_count{kind=\"Company\",ready=\"True\"}",
            "pbxops_objects{kind=\"Company\",ready=\"True\",reason=\"Available\"} 1.0",
            "pbxops_leader 1.0",
            "operator_sdk_"
        }) {
            assertTrue(metrics.contains(expected), () -> "missing " + expected + " in\n" + metrics);
        }
        assertTrue(!metrics.contains(fleet.simulator().config().password()), "no secret in the metrics");
    }

    @Test
    void readinessFailsOnceTheOperatorStops() throws Exception {
        await().atMost(FleetHarness.CONVERGENCE).until(() -> get("/readyz").statusCode() == 200);
        var runtime = fleet.runtime();
        assertEquals("running", runtime.live().detail());
        runtime.close();
        assertEquals(false, runtime.ready().ok());
        assertEquals(false, runtime.live().ok());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + fleet.runtime().opsPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
