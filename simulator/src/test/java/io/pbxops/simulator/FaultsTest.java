package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.SimulatorTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultsTest extends SimulatorTest {

    private static final String SYSTEMS_ROUTE = ADMIN + "/systems/{systemId}";

    @Test
    void theNextRequestsCanBeAnswered429WithRetryAfter() {
        sim.control()
                .updateFaults(
                        FaultTarget.CLOUD, f -> f.withTooManyRequestsNext(2).withRetryAfterSeconds(7));
        for (int i = 0; i < 2; i++) {
            Http.Response limited = cloud.get(ADMIN + "/systems");
            assertEquals(429, limited.status());
            assertEquals("7", limited.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(429000, limited.detailsCode());
            assertEquals("Too Many Requests", limited.body().get("errorMsg").asText());
        }
        assertEquals(200, cloud.get(ADMIN + "/systems").status());
    }

    @Test
    void aRequestsPerSecondLimitAnswers429AboveIt() {
        int perSecond = 2;
        sim.control().updateFaults(FaultTarget.CLOUD, f -> f.withRateLimitPerSecond(perSecond));
        int accepted = 0;
        int limited = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            int status = cloud.get(ADMIN + "/systems").status();
            if (status == 200) {
                accepted++;
            } else {
                assertEquals(429, status);
                limited++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(accepted >= perSecond, "the first second's budget passes: " + accepted);
        assertTrue(accepted <= perSecond * (seconds + 1) + 1, accepted + " accepted in " + seconds + " s");
        assertTrue(limited > 0, "30 requests in " + seconds + " s exceed " + perSecond + " per second");
    }

    @Test
    void theErrorRateDrawsFromTheSeedSoARunIsReproducible() {
        List<Integer> first = statuses(7L);
        List<Integer> again = statuses(7L);
        List<Integer> otherSeed = statuses(8L);

        assertEquals(first, again);
        assertNotEquals(first, otherSeed);
        assertTrue(first.stream().anyMatch(status -> status >= 500), first.toString());
        assertTrue(
                first.stream().anyMatch(status -> status == 401),
                "the others pass the fault and meet the missing token");
        assertTrue(Set.of(401, 500, 502, 503).containsAll(first), first.toString());
    }

    private List<Integer> statuses(long seed) {
        try (Simulator faulty = Simulator.start(config().withSeed(seed).withErrorRate(0.5))) {
            Http anonymous = new Http(faulty.cloudUrl());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(anonymous.get(ADMIN + "/systems").status());
            }
            return statuses;
        }
    }

    @Test
    void failNextAnswersTheChosenStatusesThenRecovers() {
        sim.control().updateFaults(FaultTarget.CLOUD, f -> f.withFailNext(2).withErrorStatuses(List.of(503)));
        Http.Response failed = cloud.get(ADMIN + "/systems");
        assertEquals(503, failed.status());
        assertEquals(503000, failed.detailsCode());
        assertEquals(503, cloud.get(ADMIN + "/systems").status());
        assertEquals(200, cloud.get(ADMIN + "/systems").status());
        assertEquals(0, sim.control().faults(FaultTarget.CLOUD).failNext());
    }

    @Test
    void aDroppedConnectionClosesWithNoAnswerAndIsCountedAsStatusZero() throws IOException {
        String site = createSite(createCompany("ACME"), "HQ");
        sim.control().clearRequestCounts();
        sim.control().updateFaults(FaultTarget.CLOUD, f -> f.withDropNext(1));

        // A POST: the JDK client silently retries an idempotent request whose pooled connection closes.
        assertThrows(IOException.class, () -> cloud.sendOrFail("POST", ADMIN + "/systems", system("OXE", "oxe", site)));
        assertEquals(
                200, cloud.post(ADMIN + "/systems", system("OXE", "oxe", site)).status());
        List<RequestCount> counts = sim.control().requestCounts();
        assertTrue(counts.contains(new RequestCount("POST", ADMIN + "/systems", 0, 1)), counts.toString());
        assertTrue(counts.contains(new RequestCount("POST", ADMIN + "/systems", 200, 1)), counts.toString());
    }

    @Test
    void aDropRateClosesThatShareOfConnections() {
        String site = createSite(createCompany("ACME"), "HQ");
        sim.control().updateFaults(FaultTarget.CLOUD, f -> f.withDropConnectionRate(1.0));
        assertThrows(IOException.class, () -> cloud.sendOrFail("POST", ADMIN + "/systems", system("OXE", "oxe", site)));
        sim.control().updateFaults(FaultTarget.CLOUD, f -> f.withDropConnectionRate(0.0));
        assertEquals(
                200, cloud.post(ADMIN + "/systems", system("OXE", "oxe", site)).status());
    }

    @Test
    void latencyDelaysEveryAnswer() {
        sim.control().updateFaults(FaultTarget.CLOUD, f -> f.withLatencyMs(150));
        long start = System.nanoTime();
        assertEquals(200, cloud.get(ADMIN + "/systems").status());
        assertTrue(System.nanoTime() - start >= 150_000_000L);
    }

    @Test
    void theControlApiIsNeverFaulted() {
        sim.control().updateFaults(FaultTarget.CLOUD, f -> f.withFailNext(3).withLatencyMs(0));
        assertEquals(200, anonymous().get("/sim/v1/state").status());
        assertEquals(200, anonymous().get("/sim/v1/faults").status());
        assertEquals(3, sim.control().faults(FaultTarget.CLOUD).failNext(), "not consumed by the control API");
    }

    @Test
    void o2gFaultsAreSeparateAndAnsweredAsRestErrorInfo() {
        Http.Response set = anonymous()
                .put(
                        "/sim/v1/faults",
                        Http.JSON
                                .createObjectNode()
                                .put("target", "o2g")
                                .put("failNext", 1)
                                .set(
                                        "errorStatuses",
                                        Http.JSON.createArrayNode().add(502)));
        assertEquals(200, set.status());
        assertEquals(1, set.body().get("failNext").asInt());

        Http.Response failed = new Http(sim.o2gUrl()).get("/api/rest");
        assertEquals(502, failed.status());
        assertEquals("BAD_GATEWAY", failed.body().get("httpStatus").asText());
        assertEquals(200, new Http(sim.o2gUrl()).get("/api/rest").status());
        assertEquals(0, sim.control().faults(FaultTarget.CLOUD).failNext(), "the cloud is untouched");
    }

    @Test
    void requestsAreCountedByMethodRouteTemplateAndStatus() {
        String site = createSite(createCompany("ACME"), "HQ");
        String id = createSystem(system("OXE", "oxe", site)).get("id").asText();
        sim.control().clearRequestCounts();

        cloud.get(ADMIN + "/systems/" + id);
        cloud.get(ADMIN + "/systems/" + id);
        cloud.get(ADMIN + "/systems/0123456789abcdef01234567");
        cloud.get("/api/rainbow/nothing");
        anonymous().get("/sim/v1/state");

        JsonNode counts = anonymous().get("/sim/v1/requests").body();
        assertEquals(3, counts.size(), counts.toString());
        assertTrue(sim.control().requestCounts().contains(new RequestCount("GET", SYSTEMS_ROUTE, 200, 2)));
        assertTrue(sim.control().requestCounts().contains(new RequestCount("GET", SYSTEMS_ROUTE, 404, 1)));
        assertTrue(sim.control().requestCounts().contains(new RequestCount("GET", "(unmatched)", 404, 1)));
        assertEquals(3, sim.control().requestCount("GET", SYSTEMS_ROUTE));

        assertEquals(204, anonymous().delete("/sim/v1/requests").status());
        assertEquals(0, anonymous().get("/sim/v1/requests").body().size());
    }
}
