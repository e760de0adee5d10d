package io.pbxops.simulator;

import static io.pbxops.simulator.support.O2gSession.PBXS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.O2gSession;
import io.pbxops.simulator.support.SimulatorTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The faults that strike after the write: the request is handled, then its answer is lost, either to a closed
 * connection or to a 5xx. Everything over HTTP, the faults set through the control API.
 */
class AfterWriteFaultsTest extends SimulatorTest {

    private static final String COMPANIES = ADMIN + "/companies";
    private static final String RAINBOW = PBXS + "/1/instances/Rainbow/1";

    @Test
    void aDroppedAnswerToACloudWriteLeavesTheWriteDone() {
        setFaults("cloud", Map.of("dropAfterWriteRate", 1.0));

        assertThrows(IOException.class, () -> cloud.sendOrFail("POST", COMPANIES, company("ACME")));

        clearFaults("cloud");
        assertEquals(List.of("ACME"), companyNames("ACME"), "the company was created all the same");
        assertTrue(
                sim.control().requestCounts().contains(new RequestCount("POST", COMPANIES, 0, 1)),
                () -> "counted as dropped: " + sim.control().requestCounts());
        assertEquals(1, injected("cloud").path("dropAfterWrite").asLong());
    }

    @Test
    void aFailedAnswerToACloudWriteLeavesTheWriteDone() {
        setFaults("cloud", Map.of("errorAfterWriteRate", 1.0, "errorStatuses", List.of(503)));

        Http.Response failed = cloud.post(COMPANIES, company("ACME"));

        assertEquals(503, failed.status());
        assertEquals(503000, failed.detailsCode(), "in the cloud's own error envelope");
        assertTrue(failed.body().path("data").isMissingNode(), "no trace of the result: " + failed.body());
        clearFaults("cloud");
        assertEquals(List.of("ACME"), companyNames("ACME"), "the company was created all the same");
        assertTrue(sim.control().requestCounts().contains(new RequestCount("POST", COMPANIES, 503, 1)));
        assertEquals(1, injected("cloud").path("errorAfterWrite").asLong());
    }

    @Test
    void aDeleteWhoseAnswerIsLostIsDoneToo() {
        String id = createCompany("ACME");
        setFaults("cloud", Map.of("errorAfterWriteRate", 1.0));

        int status = cloud.delete(COMPANIES + "/" + id).status();

        assertTrue(FaultSettings.DEFAULT_ERROR_STATUSES.contains(status), "answered " + status);
        clearFaults("cloud");
        assertEquals(404, cloud.get(COMPANIES + "/" + id).status(), "the company is gone all the same");
    }

    @Test
    void readsAndRefusedWritesAreAnsweredAsUsual() {
        createCompany("ACME");
        setFaults("cloud", Map.of("dropAfterWriteRate", 1.0, "errorAfterWriteRate", 1.0));

        assertEquals(200, cloud.get(COMPANIES + "?name=ACME").status(), "a GET is not a write");
        Http.Response refused =
                cloud.post(COMPANIES, Http.JSON.createObjectNode().put("country", "FRA"));
        assertEquals(400, refused.status(), "a write the API refuses did nothing, and says so");

        JsonNode injected = injected("cloud");
        assertEquals(0, injected.path("dropAfterWrite").asLong(), injected.toString());
        assertEquals(0, injected.path("errorAfterWrite").asLong(), injected.toString());
    }

    @Test
    void aDroppedAnswerToAnO2gWriteLeavesTheWriteDone() {
        O2gSession session = O2gSession.open(sim.o2gUrl(), null, "admin", "pbxops-o2g");
        setFaults("o2g", Map.of("dropAfterWriteRate", 1.0));

        assertThrows(
                IOException.class,
                () -> session.http().sendOrFail("PUT", RAINBOW, attribute("Rainbow_PBXID", "PBX-DROPPED")));

        clearFaults("o2g");
        assertEquals("PBX-DROPPED", session.value("1", "Rainbow", "Rainbow_PBXID"));
        assertEquals(1, injected("o2g").path("dropAfterWrite").asLong());
        assertEquals(0, injected("cloud").path("dropAfterWrite").asLong(), "the cloud is untouched");
    }

    @Test
    void aFailedAnswerToAnO2gWriteLeavesTheWriteDone() {
        O2gSession session = O2gSession.open(sim.o2gUrl(), null, "admin", "pbxops-o2g");
        setFaults("o2g", Map.of("errorAfterWriteRate", 1.0, "errorStatuses", List.of(502)));

        Http.Response failed = session.http().put(RAINBOW, attribute("Rainbow_PBXID", "PBX-FAILED"));

        assertEquals(502, failed.status());
        assertEquals("BAD_GATEWAY", failed.body().path("httpStatus").asText(), "as a RestErrorInfo");
        clearFaults("o2g");
        assertEquals("PBX-FAILED", session.value("1", "Rainbow", "Rainbow_PBXID"));
        assertEquals(1, injected("o2g").path("errorAfterWrite").asLong());
    }

    @Test
    void theRatesAreReadBackAndResetWithTheOtherFaults() {
        setFaults("o2g", Map.of("dropAfterWriteRate", 0.25, "errorAfterWriteRate", 0.5));

        JsonNode read = anonymous().get("/sim/v1/faults?target=o2g").body();
        assertEquals(0.25, read.path("dropAfterWriteRate").asDouble());
        assertEquals(0.5, read.path("errorAfterWriteRate").asDouble());
        Http.Response outOfRange =
                anonymous().put("/sim/v1/faults", Http.JSON.createObjectNode().put("errorAfterWriteRate", 1.5));
        assertEquals(400, outOfRange.status());

        assertEquals(204, anonymous().post("/sim/v1/reset", null).status());
        assertEquals(0.0, sim.control().faults(FaultTarget.O2G).dropAfterWriteRate());
        assertEquals(0.0, sim.control().faults(FaultTarget.O2G).errorAfterWriteRate());
    }

    @Test
    void theStartConfigurationSetsTheCloudRates() {
        try (Simulator started =
                Simulator.start(config().withDropAfterWriteRate(0.1).withErrorAfterWriteRate(0.2))) {
            FaultSettings cloudFaults = started.control().faults(FaultTarget.CLOUD);
            assertEquals(0.1, cloudFaults.dropAfterWriteRate());
            assertEquals(0.2, cloudFaults.errorAfterWriteRate());
            assertEquals(0.0, started.control().faults(FaultTarget.O2G).errorAfterWriteRate());
        }
    }

    private void setFaults(String target, Map<String, Object> faults) {
        ObjectNode body = Http.JSON.valueToTree(faults);
        body.put("target", target);
        Http.Response set = anonymous().put("/sim/v1/faults", body);
        assertEquals(200, set.status(), () -> "set faults: " + set.body());
    }

    private void clearFaults(String target) {
        assertEquals(204, anonymous().delete("/sim/v1/faults?target=" + target).status());
    }

    private JsonNode injected(String target) {
        return anonymous().get("/sim/v1/faults/injected").body().path(target);
    }

    private List<String> companyNames(String name) {
        JsonNode companies = ok(cloud.get(COMPANIES + "?name=" + name));
        return StreamSupport.stream(companies.spliterator(), false)
                .map(company -> company.path("name").asText())
                .toList();
    }

    private static JsonNode company(String name) {
        return Http.JSON.createObjectNode().put("name", name).put("country", "FRA");
    }

    private static JsonNode attribute(String name, String value) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.withArray("attributes")
                .addObject()
                .put("name", name)
                .putArray("value")
                .add(value);
        return body;
    }
}
