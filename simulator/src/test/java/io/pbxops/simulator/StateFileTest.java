package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.Await;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.O2gSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --state}: a demo survives a restart. */
class StateFileTest {

    private static final String ADMIN = "/api/rainbow/admin/v1.0";

    @TempDir
    Path directory;

    private SimulatorConfig config(Path file) {
        return SimulatorConfig.defaults()
                .withCloudPort(0)
                .withO2gPort(0)
                .withSeed(42L)
                .withActivationDelay(Duration.ofMillis(10))
                .withStateFile(file);
    }

    private static Http login(Simulator sim) {
        SimulatorConfig c = sim.config();
        Http.Response login = new Http(sim.cloudUrl())
                .header("Authorization", Http.basic(c.login(), c.password()))
                .header("x-rainbow-app-auth", Http.basic(c.appId(), Http.sha256Hex(c.appSecret() + c.password())))
                .get("/api/rainbow/authentication/v1.0/login");
        return new Http(sim.cloudUrl()).bearer(login.body().get("token").asText());
    }

    private static String savedText(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void theCloudAndThePbxsAreSavedAndComeBackConnected() {
        Path file = directory.resolve("state.json");
        String companyId;
        String oxeSystem;
        String oxoSystem;
        try (Simulator first = Simulator.start(config(file))) {
            Http cloud = login(first);
            companyId = cloud.post(ADMIN + "/companies", Map.of("name", "ACME", "country", "FRA"))
                    .data()
                    .get("id")
                    .asText();
            String site = cloud.post(ADMIN + "/sites", Map.of("name", "HQ", "status", "active", "companyId", companyId))
                    .data()
                    .get("id")
                    .asText();
            JsonNode oxe = cloud.post(
                            ADMIN + "/systems", Map.of("name", "OXE", "type", "oxe", "country", "FRA", "siteId", site))
                    .data();
            oxeSystem = oxe.get("id").asText();
            oxoSystem = cloud.post(
                            ADMIN + "/systems",
                            Map.of(
                                    "name",
                                    "OXO",
                                    "type",
                                    "oxo",
                                    "country",
                                    "FRA",
                                    "siteId",
                                    site,
                                    "pbxId",
                                    "ALE12-1234.5678.90",
                                    "activationCode",
                                    "ALE12-1234.5678.90"))
                    .data()
                    .get("id")
                    .asText();
            first.control().addOxo(new OxoSpec("F1", OxoSpec.Mode.STOCK, "ALE12-1234.5678.90"));
            first.control()
                    .putO2gHost(new O2gHostSpec(
                            "o2g.acme.example",
                            "acme",
                            "acme-pw",
                            List.of(new O2gHostSpec.Node(
                                    "1", "oxe1.acme.example", new O2gHostSpec.Dns("10.1.0.53", null), null, true))));
            O2gSession.open(first.o2gUrl(), "o2g.acme.example", "acme", "acme-pw")
                    .setOk(
                            "1",
                            "Rainbow",
                            Map.of(
                                    "Rainbow_Agent_Enable",
                                    "Yes",
                                    "Rainbow_PBXID",
                                    oxe.get("pbxId").asText(),
                                    "Rainbow_Activation_Code",
                                    oxe.get("jid_pbxagent_password").asText()));
            for (String id : List.of(oxeSystem, oxoSystem)) {
                Await.until(
                        () -> cloud.get(ADMIN + "/systems/" + id)
                                .data()
                                .get("status")
                                .asText(),
                        "activated"::equals,
                        id + " activated");
            }
            Await.until(() -> savedText(file).contains(oxoSystem), saved -> saved, "the periodic save");
        }

        try (Simulator second = Simulator.start(config(file))) {
            Http cloud = login(second);
            Http.Response acme = cloud.get(ADMIN + "/companies/" + companyId);
            assertEquals(
                    200,
                    acme.status(),
                    () -> acme.body() + " state " + second.control().state());
            assertEquals("ACME", acme.data().get("name").asText());
            Http.Response oxe = cloud.get(ADMIN + "/systems/" + oxeSystem);
            assertEquals(
                    200,
                    oxe.status(),
                    () -> oxe.body() + " state " + second.control().state());
            assertEquals("activated", oxe.data().get("status").asText());
            JsonNode state = second.control().state();
            assertEquals("Connected", state.at("/oxoAgents/0/rainbowStatus").asText());
            assertEquals("o2g.acme.example", state.at("/o2gHosts/1/host").asText());
            assertEquals(
                    "Connected", state.at("/o2gHosts/1/nodes/0/rainbowStatus").asText());
            assertEquals(
                    "up",
                    cloud.get(ADMIN + "/systems/" + oxoSystem + "/state")
                            .data()
                            .get("connection")
                            .asText());
            O2gSession.open(second.o2gUrl(), "o2g.acme.example", "acme", "acme-pw");

            String another = cloud.post(ADMIN + "/companies", Map.of("name", "Globex"))
                    .data()
                    .get("id")
                    .asText();
            assertNotEquals(companyId, another, "the same seed after a restart does not reuse a saved id");
            assertTrue(cloud.get(ADMIN + "/companies").body().get("total").asInt() >= 3);
        }
    }

    @Test
    void aStateSavedByTheDocumentedProfileLoadsInTheExtendedOne() {
        Path file = directory.resolve("documented.json");
        String systemId;
        try (Simulator documented = Simulator.start(config(file).withContract(CloudContract.DOCUMENTED))) {
            Http cloud = login(documented);
            String company = cloud.post(ADMIN + "/companies", Map.of("name", "ACME", "country", "FRA"))
                    .data()
                    .get("id")
                    .asText();
            String site = cloud.post(ADMIN + "/sites", Map.of("name", "HQ", "status", "active", "companyId", company))
                    .data()
                    .get("id")
                    .asText();
            systemId = cloud.post(
                            ADMIN + "/systems", Map.of("name", "OXE", "type", "oxe", "country", "FRA", "siteId", site))
                    .data()
                    .get("id")
                    .asText();
        }
        try (Simulator extended = Simulator.start(config(file))) {
            Http cloud = login(extended);
            assertEquals(
                    "omnipcx-enterprise",
                    cloud.get(ADMIN + "/systems/" + systemId)
                            .data()
                            .at("/x-pbxops/model")
                            .asText(),
                    "the defaults of a create");
            Http.Response renamed = cloud.put(ADMIN + "/systems/" + systemId, Map.of("name", "OXE-2"));
            assertEquals(200, renamed.status(), () -> "update: " + renamed.body());
        }
    }
}
