package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.O2gSession;
import io.pbxops.simulator.support.SimulatorTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /sim/v1} over HTTP (the in-process equivalent is exercised by the other tests). */
class ControlApiTest extends SimulatorTest {

    private Http control() {
        return anonymous();
    }

    @Test
    void theStateShowsEverything() {
        String site = createSite(createCompany("ACME"), "HQ");
        createSystem(system("OXE", "oxe", site));
        JsonNode state = control().get("/sim/v1/state").body();

        for (String key : List.of("companies", "sites", "systems", "mediaPillars", "o2gHosts", "oxoAgents", "faults")) {
            assertTrue(state.has(key), key);
        }
        assertEquals(2, state.get("companies").size(), "the BP company and ACME");
        assertTrue(state.at("/systems/0/activationCode").asText().matches("[0-9]{4}"));
        assertEquals("default", state.at("/o2gHosts/0/host").asText());
        assertTrue(state.at("/o2gHosts/0").has("username"));
        assertTrue(state.at("/o2gHosts/0").path("password").isMissingNode(), "host passwords stay out of the snapshot");
        assertEquals(0, state.at("/faults/cloud/latencyMs").asInt());
    }

    @Test
    void faultsAreReadSetPartiallyAndCleared() {
        Http.Response set = control()
                .put(
                        "/sim/v1/faults",
                        Http.JSON.createObjectNode().put("latencyMs", 5).put("retryAfterSeconds", 3));
        assertEquals(200, set.status());
        assertEquals(5, set.body().get("latencyMs").asInt());
        Http.Response more =
                control().put("/sim/v1/faults", Http.JSON.createObjectNode().put("errorRate", 0.0));
        assertEquals(3, more.body().get("retryAfterSeconds").asInt(), "absent keys are kept");
        assertEquals(5, control().get("/sim/v1/faults").body().get("latencyMs").asInt());
        assertEquals(
                0,
                control()
                        .get("/sim/v1/faults?target=o2g")
                        .body()
                        .get("latencyMs")
                        .asInt());

        assertEquals(
                400,
                control()
                        .put("/sim/v1/faults", Http.JSON.createObjectNode().put("speed", 1))
                        .status());
        assertEquals(
                400,
                control()
                        .put("/sim/v1/faults", Http.JSON.createObjectNode().put("errorRate", 2))
                        .status());
        assertEquals(
                400,
                control()
                        .put("/sim/v1/faults", Http.JSON.createObjectNode().put("target", "moon"))
                        .status());

        assertEquals(204, control().delete("/sim/v1/faults").status());
        assertEquals(0, control().get("/sim/v1/faults").body().get("latencyMs").asInt());
    }

    @Test
    void resetEmptiesTheWorldButKeepsTheAccountAndItsTokens() {
        createCompany("ACME");
        sim.control().addOxo(new OxoSpec("F1", OxoSpec.Mode.STOCK, "ALE12-1234.5678.90"));
        sim.control().putO2gHost(new O2gHostSpec("o2g.acme.example", "a", "b", null));

        assertEquals(204, control().post("/sim/v1/reset", null).status());
        JsonNode state = control().get("/sim/v1/state").body();
        assertEquals(1, state.get("companies").size());
        assertEquals(0, state.get("oxoAgents").size());
        assertEquals(1, state.get("o2gHosts").size());
        assertEquals(200, cloud.get(ADMIN + "/companies").status(), "tokens survive a reset");
    }

    @Test
    void tokensAndO2gSessionsCanBeExpired() {
        O2gSession session = O2gSession.open(sim.o2gUrl(), null, "admin", "pbxops-o2g");
        assertEquals(204, control().post("/sim/v1/tokens/expire", null).status());
        assertEquals(401523, cloud.get(ADMIN + "/companies").detailsCode());

        assertEquals(
                204,
                control()
                        .post(
                                "/sim/v1/o2g/sessions/expire",
                                Http.JSON.createObjectNode().put("host", "default"))
                        .status());
        assertEquals(401, session.http().get(O2gSession.PBXS).status());
        assertEquals(
                404,
                control()
                        .post(
                                "/sim/v1/o2g/sessions/expire",
                                Http.JSON.createObjectNode().put("host", "nowhere"))
                        .status());
    }

    @Test
    void o2gHostsAreAddedWithTheirNodesAndNetwork() {
        Http.Response added = control()
                .post(
                        "/sim/v1/o2g/hosts",
                        "{\"host\":\"o2g.globex.example\",\"username\":\"g\",\"password\":\"gp\","
                                + "\"nodes\":[{\"nodeId\":\"2\",\"fqdn\":\"oxe2.globex.example\",\"proxy\":{\"host\":\"proxy\",\"port\":3128,\"login\":\"u\",\"password\":\"p\"}}]}");
        assertEquals(204, added.status());
        O2gSession globex = O2gSession.open(sim.o2gUrl(), "o2g.globex.example", "g", "gp");
        assertEquals("3128", globex.value("2", "Rainbow_Network", "Proxy_Port"));
        assertEquals(
                400, control().post("/sim/v1/o2g/hosts", "{\"username\":\"g\"}").status());
    }

    @Test
    void channelsSecretIdentityAndGatewayVersionsAreDriven() {
        String id = createSystem(system("OXE", "oxe", createSite(createCompany("ACME"), "HQ")))
                .get("id")
                .asText();

        assertEquals(
                204,
                control()
                        .put("/sim/v1/systems/" + id + "/channels/conf", "{\"up\":false}")
                        .status());
        assertEquals(
                "conf",
                control()
                        .get("/sim/v1/state")
                        .body()
                        .at("/systems/0/channelsDown/0")
                        .asText());
        assertEquals(
                400,
                control()
                        .put("/sim/v1/systems/" + id + "/channels/video", "{\"up\":false}")
                        .status());
        assertEquals(
                404,
                control()
                        .put("/sim/v1/systems/0123456789abcdef01234567/channels/conf", "{\"up\":false}")
                        .status());
        assertEquals(
                400,
                control()
                        .put("/sim/v1/systems/" + id + "/channels/conf", "{\"up\":\"no\"}")
                        .status());

        assertEquals(
                204,
                control()
                        .put("/sim/v1/systems/" + id + "/secret-identity-active", "{\"active\":true}")
                        .status());
        assertTrue(ok(cloud.get(ADMIN + "/systems/" + id))
                .at("/x-pbxops/secretIdentityActive")
                .asBoolean());

        assertEquals(
                204,
                control()
                        .post("/sim/v1/mediapillar-versions", "{\"version\":\"2.6.0\"}")
                        .status());
        assertEquals(
                "2.6.0",
                control()
                        .get("/sim/v1/state")
                        .body()
                        .at("/mediaPillarVersions/2")
                        .asText());
        assertEquals(
                400,
                control()
                        .post("/sim/v1/mediapillar-versions", "{\"version\":\"next\"}")
                        .status());
    }
}
