package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.Await;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.O2gSession;
import io.pbxops.simulator.support.SimulatorTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PBX agents and the cloud in one loop: declare, enter the code on the PBX, watch the status. */
class AgentLoopTest extends SimulatorTest {

    private static final String FLEET_ID = "ALE12-1234.5678.90";

    private String site;
    private O2gSession oxe;

    @Override
    protected SimulatorConfig config() {
        // Long enough for a poll to see the intermediate "activating" status.
        return super.config().withActivationDelay(Duration.ofMillis(250));
    }

    @BeforeEach
    void companyAndO2gSession() {
        site = createSite(createCompany("ACME"), "HQ");
        oxe = O2gSession.open(sim.o2gUrl(), null, "admin", "pbxops-o2g");
    }

    private String rainbowStatus() {
        return oxe.value("1", "Rainbow", "Rainbow_Connection_Status");
    }

    private void enterOnOxe(String pbxId, String code) {
        oxe.setOk(
                "1",
                "Rainbow",
                Map.of("Rainbow_Agent_Enable", "Yes", "Rainbow_PBXID", pbxId, "Rainbow_Activation_Code", code));
    }

    /** The OXE's network, then the system's PBX ID and code on the OXE: the whole installer's job. */
    private void connectOxe(JsonNode system) {
        oxe.setOk("1", "Rainbow_Network", Map.of("DNS_Primary", "10.1.0.53"));
        enterOnOxe(
                system.get("pbxId").asText(),
                system.get("jid_pbxagent_password").asText());
        awaitSystemStatus(system.get("id").asText(), "activated");
    }

    private List<String> history(String systemId) {
        List<String> events = new ArrayList<>();
        ok(cloud.get(ADMIN + "/systems/" + systemId + "?connectionHistory=true"))
                .get("connectionHistory")
                .forEach(event -> events.add(event.get("eventType").asText()));
        return events;
    }

    private JsonNode oxo(String serial) {
        for (JsonNode candidate : sim.control().state().get("oxoAgents")) {
            if (candidate.get("serial").asText().equals(serial)) {
                return candidate;
            }
        }
        throw new AssertionError("no OXO " + serial);
    }

    @Test
    void anOxeWithRainbowEnabledTheCodeAndItsNetworkActivatesTheCloudSystem() {
        JsonNode system = createSystem(system("OXE", "oxe", site));
        String id = system.get("id").asText();

        enterOnOxe(
                system.get("pbxId").asText(),
                system.get("jid_pbxagent_password").asText());
        assertEquals("Waiting_Network", rainbowStatus(), "no DNS and no proxy yet");
        assertEquals("created", systemStatus(id));

        oxe.setOk("1", "Rainbow_Network", Map.of("DNS_Primary", "10.1.0.53"));
        JsonNode activating = Await.until(
                () -> ok(cloud.get(ADMIN + "/systems/" + id)),
                s -> !s.get("status").asText().equals("created"),
                "the handshake to start");
        assertEquals("activating", activating.get("status").asText());
        assertFalse(activating.get("activatingTransactionId").asText().isEmpty());
        assertFalse(activating.get("jid_pbxagent_password_activating").asText().isEmpty());

        awaitSystemStatus(id, "activated");
        JsonNode activated = ok(cloud.get(ADMIN + "/systems/" + id));
        assertTrue(activated.get("jid_pbxagent_password").asText().matches("[0-9]{8}"), "a hash of the private code");
        assertEquals("", activated.get("activatingTransactionId").asText());
        assertEquals("Connected", rainbowStatus());
        assertEquals(
                "up",
                ok(cloud.get(ADMIN + "/systems/" + id + "/state"))
                        .get("connection")
                        .asText());
        assertEquals(List.of("activated"), history(id));
    }

    @Test
    void aResetDropsThePbxUntilTheNewCodeIsEntered() {
        JsonNode system = createSystem(system("OXE", "oxe", site));
        String id = system.get("id").asText();
        oxe.setOk("1", "Rainbow_Network", Map.of("Proxy_Host", "proxy.acme.example", "Proxy_Port", "3128"));
        enterOnOxe(
                system.get("pbxId").asText(),
                system.get("jid_pbxagent_password").asText());
        awaitSystemStatus(id, "activated");

        String newCode = ok(cloud.post(ADMIN + "/systems/" + id + "/reset-password", null))
                .get("jid_pbxagent_password")
                .asText();
        assertEquals("created", systemStatus(id));
        Await.until(this::rainbowStatus, "Activation_Refused"::equals, "the PBX to lose its connection");
        assertEquals(
                "down",
                ok(cloud.get(ADMIN + "/systems/" + id + "/state"))
                        .get("connection")
                        .asText());

        oxe.setOk("1", "Rainbow", Map.of("Rainbow_Activation_Code", newCode));
        awaitSystemStatus(id, "activated");
        Await.until(this::rainbowStatus, "Connected"::equals, "the PBX to reconnect");
        assertEquals(List.of("activated", "reset", "activationRefused", "activated"), history(id));
    }

    @Test
    void aWrongCodeFailsVisiblyOnBothSides() {
        JsonNode system = createSystem(system("OXE", "oxe", site));
        String id = system.get("id").asText();
        oxe.setOk("1", "Rainbow_Network", Map.of("DNS_Primary", "10.1.0.53"));
        enterOnOxe(system.get("pbxId").asText(), "0000");

        assertEquals("Activation_Refused", rainbowStatus());
        assertEquals("created", systemStatus(id));
        assertEquals(List.of("activationRefused"), history(id));
        assertEquals(
                "Activation_Refused",
                sim.control().state().at("/o2gHosts/0/nodes/0/rainbowStatus").asText());
    }

    @Test
    void aChannelDownMakesTheConnectionDegraded() {
        JsonNode system = createSystem(system("OXE", "oxe", site));
        String id = system.get("id").asText();
        connectOxe(system);
        Await.until(this::rainbowStatus, "Connected"::equals, "the PBX to connect");

        sim.control().setChannel(id, Channel.CSTA, false);
        JsonNode full = ok(cloud.get(ADMIN + "/systems/" + id + "/state?format=full"));
        assertEquals("down", full.get("csta").asText());
        assertEquals("up", full.get("xmpp").asText());
        assertEquals(
                "down",
                ok(cloud.get(ADMIN + "/systems/" + id + "/state"))
                        .get("connection")
                        .asText());
        assertEquals("Degraded", rainbowStatus());
        assertEquals("activated", systemStatus(id), "Degraded is activated with a channel down");

        sim.control().setChannel(id, Channel.CSTA, true);
        assertEquals("Connected", rainbowStatus());
        assertEquals(
                "up",
                ok(cloud.get(ADMIN + "/systems/" + id + "/state"))
                        .get("connection")
                        .asText());
    }

    @Test
    void disablingTheAgentDisconnectsThePbx() {
        JsonNode system = createSystem(system("OXE", "oxe", site));
        String id = system.get("id").asText();
        connectOxe(system);

        oxe.setOk("1", "Rainbow", Map.of("Rainbow_Agent_Enable", "No"));
        assertEquals("Disabled", rainbowStatus());
        assertEquals(
                "down",
                ok(cloud.get(ADMIN + "/systems/" + id + "/state"))
                        .get("connection")
                        .asText());
        oxe.setOk("1", "Rainbow", Map.of("Rainbow_Agent_Enable", "Yes"));
        assertEquals("Connected", rainbowStatus(), "an activated system takes its PBX back at once");
    }

    @Test
    void aStockOxoConnectsByItselfOnceTheCloudDeclaresItsFleetId() {
        sim.control().addOxo(new OxoSpec("F100", OxoSpec.Mode.STOCK, FLEET_ID));
        assertEquals("connecting", oxo("F100").get("webdiagRainbowStatus").asText(), "no system with its fleet ID yet");

        String id = createSystem(
                        system("OXO", "oxo", site).put("pbxId", FLEET_ID).put("activationCode", FLEET_ID))
                .get("id")
                .asText();
        awaitSystemStatus(id, "activated");
        Await.until(
                () -> oxo("F100").get("webdiagRainbowStatus").asText(),
                "connected with final password"::equals,
                "the OXO to connect");
    }

    @Test
    void aBtcoOxoWaitsForTheInstallerStep() {
        JsonNode system = createSystem(system("OXO", "oxo", site));
        String id = system.get("id").asText();
        sim.control().addOxo(new OxoSpec("B200", OxoSpec.Mode.BTCO, null));
        assertEquals("disabled", oxo("B200").get("webdiagRainbowStatus").asText());
        assertEquals("created", systemStatus(id));

        sim.control()
                .installerStep(
                        "B200",
                        new OxoRainbowSettings(
                                true,
                                system.get("pbxId").asText(),
                                system.get("jid_pbxagent_password").asText(),
                                null));
        awaitSystemStatus(id, "activated");
        assertEquals("Connected", oxo("B200").get("rainbowStatus").asText());
    }

    @Test
    void theInstallerStepAndTheOxoAreReachableOverTheControlApi() {
        JsonNode system = createSystem(system("OXO", "oxo", site));
        Http control = anonymous();
        assertEquals(
                204,
                control.post(
                                "/sim/v1/oxo",
                                Http.JSON
                                        .createObjectNode()
                                        .put("serial", "B300")
                                        .put("mode", "btco"))
                        .status());
        assertEquals(
                204,
                control.put(
                                "/sim/v1/oxo/B300/rainbow",
                                Http.JSON
                                        .createObjectNode()
                                        .put("rainbowEnabled", true)
                                        .put("pabxId", system.get("pbxId").asText())
                                        .put(
                                                "activationCode",
                                                system.get("jid_pbxagent_password")
                                                        .asText()))
                        .status());
        awaitSystemStatus(system.get("id").asText(), "activated");
        assertEquals(
                404,
                control.put(
                                "/sim/v1/oxo/NOPE/rainbow",
                                Http.JSON.createObjectNode().put("rainbowEnabled", true))
                        .status());
        assertEquals(
                400,
                control.post(
                                "/sim/v1/oxo",
                                Http.JSON.createObjectNode().put("serial", "S1").put("mode", "stock"))
                        .status(),
                "a stock OXO needs its equipment ID");
    }

    @Test
    void anOxeNodeAddedWithItsNetworkNeedsOnlyTheRainbowSettings() {
        sim.control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.acme.example",
                        "acme",
                        "acme-pw",
                        List.of(new O2gHostSpec.Node(
                                "7", "oxe7.acme.example", new O2gHostSpec.Dns("10.1.0.53", "10.1.0.54"), null, true))));
        O2gSession acme = O2gSession.open(sim.o2gUrl(), "o2g.acme.example", "acme", "acme-pw");
        JsonNode system = createSystem(system("OXE", "oxe", site));

        acme.setOk(
                "7",
                "Rainbow",
                Map.of(
                        "Rainbow_Agent_Enable",
                        "Yes",
                        "Rainbow_PBXID",
                        system.get("pbxId").asText(),
                        "Rainbow_Activation_Code",
                        system.get("jid_pbxagent_password").asText()));
        awaitSystemStatus(system.get("id").asText(), "activated");
        assertEquals("Connected", acme.value("7", "Rainbow", "Rainbow_Connection_Status"));
        assertEquals("Disabled", rainbowStatus(), "the default host's node is another PBX");
    }

    @Test
    void deletingTheSystemLeavesThePbxConnecting() {
        JsonNode system = createSystem(system("OXE", "oxe", site));
        connectOxe(system);

        assertEquals(
                200,
                cloud.delete(ADMIN + "/systems/" + system.get("id").asText()).status());
        assertEquals("Connecting", rainbowStatus());
    }
}
