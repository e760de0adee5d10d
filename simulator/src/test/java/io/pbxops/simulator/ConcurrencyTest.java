package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.SimulatorTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Dozens of concurrent clients, as the operator sends them. */
class ConcurrencyTest extends SimulatorTest {

    @Test
    void concurrentCreatesAndReadsKeepEveryIdAndPbxIdUnique() throws Exception {
        String site = createSite(createCompany("ACME"), "HQ");
        int clients = 32;
        int perClient = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<JsonNode>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    List<JsonNode> created = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        JsonNode system =
                                ok(cloud.post(ADMIN + "/systems", system("S-" + client + "-" + i, "oxe", site)));
                        created.add(system);
                        ok(cloud.get(ADMIN + "/systems/" + system.get("id").asText()));
                    }
                    return created;
                }));
            }
            Set<String> ids = new HashSet<>();
            Set<String> pbxIds = new HashSet<>();
            for (Future<List<JsonNode>> result : results) {
                for (JsonNode system : result.get()) {
                    ids.add(system.get("id").asText());
                    pbxIds.add(system.get("pbxId").asText());
                }
            }
            assertEquals(clients * perClient, ids.size());
            assertEquals(clients * perClient, pbxIds.size());
            assertEquals(
                    clients * perClient,
                    cloud.get(ADMIN + "/systems?limit=1").body().get("total").asInt());
            assertEquals(
                    clients * perClient * 2L,
                    sim.control().requestCount("POST", ADMIN + "/systems")
                            + sim.control().requestCount("GET", ADMIN + "/systems/{systemId}"));
        } finally {
            pool.shutdownNow();
        }
    }
}
