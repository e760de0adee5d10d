package io.pbxops.simulator;

import static io.pbxops.simulator.support.O2gSession.PBXS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.O2gSession;
import io.pbxops.simulator.support.SimulatorTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class O2gApiTest extends SimulatorTest {

    private O2gSession admin() {
        return O2gSession.open(sim.o2gUrl(), null, "admin", "pbxops-o2g");
    }

    private static void assertRestError(Http.Response response, int status) {
        assertEquals(status, response.status(), () -> String.valueOf(response.body()));
        assertEquals(status, response.body().get("code").asInt());
        for (String field : List.of("httpStatus", "helpMessage", "type", "innerMessage", "canRetry")) {
            assertTrue(response.body().has(field), field);
        }
    }

    @Test
    void discoveryAndAuthenticationFollowTheO2gContract() {
        Http o2g = new Http(sim.o2gUrl());
        JsonNode root = o2g.get("/api/rest").body();
        assertEquals("O2G", root.at("/serverInfo/productType").asText());
        assertEquals("CURRENT", root.at("/versions/0/status").asText());
        assertTrue(root.at("/versions/0/publicUrl").asText().endsWith("/api/rest/authenticate?version=1.0"));

        Http.Response auth = o2g.header("Authorization", Http.basic("admin", "pbxops-o2g"))
                .get("/api/rest/authenticate?version=1.0");
        assertEquals(200, auth.status());
        String credential = auth.body().get("credential").asText();
        assertTrue(auth.body().get("publicUrl").asText().endsWith("/api/rest/1.0/sessions"));
        assertTrue(auth.headers().firstValue("Set-Cookie").orElseThrow().startsWith("AlcUserId=" + credential));

        assertRestError(
                new Http(sim.o2gUrl())
                        .header("Authorization", Http.basic("admin", "wrong"))
                        .get("/api/rest/authenticate?version=1.0"),
                401);
        assertRestError(new Http(sim.o2gUrl()).get("/api/rest/authenticate?version=1.0"), 401);
    }

    @Test
    void managementNeedsAnOpenSession() {
        Http o2g = new Http(sim.o2gUrl());
        assertRestError(o2g.get(PBXS), 401);
        String credential = o2g.header("Authorization", Http.basic("admin", "pbxops-o2g"))
                .get("/api/rest/authenticate?version=1.0")
                .body()
                .get("credential")
                .asText();
        Http withCookie = new Http(sim.o2gUrl()).header("Cookie", "AlcUserId=" + credential);
        assertRestError(withCookie.get(PBXS), 401);

        JsonNode session = withCookie
                .post("/api/rest/1.0/sessions", Http.JSON.createObjectNode().put("applicationName", "t"))
                .body();
        assertEquals(1800, session.get("timeToLive").asInt());
        assertTrue(session.get("admin").asBoolean());
        List<String> services = new ArrayList<>();
        session.get("services")
                .forEach(s -> services.add(s.get("serviceName").asText() + " "
                        + s.get("relativeUrl").asText()));
        assertTrue(services.contains("PbxManagement /pbxs"), services.toString());
        assertEquals(
                List.of("1"),
                List.of(withCookie.get(PBXS).body().get("nodeIds").get(0).asText()));
    }

    @Test
    void sessionsLiveWhileKeptAliveAndDieAfterThirtyIdleMinutes() {
        O2gSession session = admin();
        clock.advance(Duration.ofSeconds(1700));
        assertEquals(
                204,
                session.http().post("/api/rest/1.0/sessions/keepalive", null).status());
        clock.advance(Duration.ofSeconds(1700));
        assertEquals(200, session.http().get(PBXS).status(), "the keepalive restarted the idle time");
        clock.advance(Duration.ofSeconds(1801));
        assertRestError(session.http().get(PBXS), 401);
    }

    @Test
    void closingOrExpiringASessionEndsIt() {
        O2gSession closed = admin();
        assertEquals(204, closed.http().delete("/api/rest/1.0/sessions").status());
        assertRestError(closed.http().get(PBXS), 401);

        O2gSession expired = admin();
        sim.control().expireO2gSessions("default");
        assertRestError(expired.http().get(PBXS), 401);
    }

    @Test
    void virtualHostsAreChosenByXForwardedHostEachWithItsCredentialsAndNodes() {
        sim.control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.acme.example",
                        "acme",
                        "acme-pw",
                        List.of(
                                new O2gHostSpec.Node("3", "oxe3.acme.example"),
                                new O2gHostSpec.Node("4", "oxe4.acme.example"))));

        O2gSession acme = O2gSession.open(sim.o2gUrl(), "O2G.acme.example:443", "acme", "acme-pw");
        JsonNode nodes = acme.http().get(PBXS).body().get("nodeIds");
        assertEquals(
                List.of("3", "4"), List.of(nodes.get(0).asText(), nodes.get(1).asText()));
        JsonNode node = acme.http().get(PBXS + "/4").body();
        assertEquals(4, node.get("nodeId").asInt());
        assertEquals("oxe4.acme.example", node.get("fqdn").asText());

        Http wrongHost = new Http(sim.o2gUrl())
                .header("X-Forwarded-Host", "o2g.acme.example")
                .header("Authorization", Http.basic("admin", "pbxops-o2g"));
        assertRestError(wrongHost.get("/api/rest/authenticate?version=1.0"), 401);
        assertRestError(
                new Http(sim.o2gUrl())
                        .header("X-Forwarded-Host", "o2g.unknown.example")
                        .get(PBXS),
                404);
        assertRestError(acme.http().get(PBXS + "/1"), 404);
    }

    @Test
    void theModelAndTheRootObjectShowTheRainbowObjects() {
        O2gSession session = admin();
        JsonNode root = session.http().get(PBXS + "/1/instances").body();
        List<String> names = new ArrayList<>();
        root.get("objectNames").forEach(n -> names.add(n.asText()));
        assertEquals(List.of("Rainbow", "Rainbow_Network", "Subscriber"), names);

        JsonNode model = session.http().get(PBXS + "/1/model").body();
        assertEquals(3, model.get("objects").size());
        JsonNode rainbow = session.http().get(PBXS + "/1/model/Rainbow").body();
        JsonNode enable = rainbow.get("attributes").get(0);
        assertEquals("Rainbow_Agent_Enable", enable.get("name").asText());
        assertEquals("Enumerated", enable.get("typeValue").asText());
        assertEquals("Yes", enable.get("allowedValues").get(0).asText());
        assertRestError(session.http().get(PBXS + "/1/model/Nothing"), 404);

        JsonNode subscribers =
                session.http().get(PBXS + "/1/instances/Subscriber").body();
        assertEquals(3, subscribers.get("objectIds").size());
    }

    @Test
    void instancesReadAsStringArraysFilteredAndMasked() {
        O2gSession session = admin();
        JsonNode rainbow = session.http().get(PBXS + "/1/instances/Rainbow/1").body();
        assertEquals("Rainbow", rainbow.get("objectName").asText());
        assertEquals(5, rainbow.get("attributes").size());
        assertEquals("openrainbow.com", rainbow.at("/attributes/1/value/0").asText());

        JsonNode filtered = session.http()
                .get(PBXS + "/1/instances/Rainbow/1?attributes=Rainbow_Domain,Rainbow_Agent_Enable")
                .body();
        assertEquals(2, filtered.get("attributes").size());

        session.setOk("1", "Rainbow", Map.of("Rainbow_Activation_Code", "4321"));
        session.setOk("1", "Rainbow_Network", Map.of("Proxy_Password", "s3cret", "Proxy_Login", "proxy-user"));
        assertEquals("********", session.value("1", "Rainbow", "Rainbow_Activation_Code"));
        assertEquals("********", session.value("1", "Rainbow_Network", "Proxy_Password"));
        assertEquals("proxy-user", session.value("1", "Rainbow_Network", "Proxy_Login"));
        assertEquals(
                "4321",
                sim.control()
                        .state()
                        .at("/o2gHosts/0/nodes/0/objects/Rainbow/1/Rainbow_Activation_Code/0")
                        .asText(),
                "the test hook sees the real value");
    }

    @Test
    void invalidWritesAreRefusedWholeWithRestErrorInfo() {
        O2gSession session = admin();
        assertRestError(session.set("1", "Rainbow", Map.of("Rainbow_Agent_Enable", "Maybe")), 400);
        assertRestError(session.set("1", "Rainbow", Map.of("Rainbow_Colour", "blue")), 400);
        assertRestError(session.set("1", "Rainbow", Map.of("Rainbow_Connection_Status", "Connected")), 400);
        assertRestError(session.set("1", "Nothing", Map.of("A", "b")), 404);
        assertRestError(session.http().get(PBXS + "/1/instances/Rainbow/2"), 404);
        assertRestError(
                session.http()
                        .put(
                                PBXS + "/1/instances/Rainbow/1",
                                "{\"attributes\":[{\"name\":\"Rainbow_Domain\",\"value\":\"x\"}]}"),
                400);

        assertRestError(
                session.http()
                        .put(
                                PBXS + "/1/instances/Rainbow/1",
                                "{\"attributes\":[{\"name\":\"Rainbow_Domain\",\"value\":[42]}]}"),
                400);
        Http.Response mixed =
                session.set("1", "Rainbow", Map.of("Rainbow_PBXID", "PBX-1", "Rainbow_Agent_Enable", "Maybe"));
        assertRestError(mixed, 400);
        assertEquals("", session.value("1", "Rainbow", "Rainbow_PBXID"), "nothing of a refused write is applied");
    }

    @Test
    void aNodeThatIsNotConnectedAnswers503() {
        sim.control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.down.example",
                        "a",
                        "b",
                        List.of(new O2gHostSpec.Node("1", "oxe.down.example", null, null, false))));
        O2gSession session = O2gSession.open(sim.o2gUrl(), "o2g.down.example", "a", "b");
        assertEquals(200, session.http().get(PBXS + "/1").status());
        Http.Response down = session.http().get(PBXS + "/1/instances/Rainbow/1");
        assertRestError(down, 503);
        assertTrue(down.body().get("canRetry").asBoolean());
    }

    @Test
    void withAutoO2gAnUnknownHostIsCreatedWithTheDefaultCredentials() {
        try (Simulator auto = Simulator.start(config().withAutoO2g(true))) {
            O2gSession session = O2gSession.open(auto.o2gUrl(), "o2g.new.example", "admin", "pbxops-o2g");
            assertEquals("1", session.http().get(PBXS).body().at("/nodeIds/0").asText());
            assertEquals(
                    "o2g.new.example",
                    auto.control().state().at("/o2gHosts/1/host").asText());
        }
    }

    @Test
    void objectAndAttributeNamesAreConfigurable() {
        OxeNames names =
                OxeNames.defaults().withOverrides(Map.of("rainbowObject", "RainbowAgent", "pbxId", "Rainbow_PABX_ID"));
        try (Simulator renamed = Simulator.start(config().withOxeNames(names))) {
            O2gSession session = O2gSession.open(renamed.o2gUrl(), null, "admin", "pbxops-o2g");
            JsonNode root = session.http().get(PBXS + "/1/instances").body();
            assertEquals("RainbowAgent", root.at("/objectNames/0").asText());
            session.setOk("1", "RainbowAgent", Map.of("Rainbow_PABX_ID", "PBX-1"));
            assertEquals("PBX-1", session.value("1", "RainbowAgent", "Rainbow_PABX_ID"));
            assertFalse(session.http().get(PBXS + "/1/instances/Rainbow/1").status() == 200);
        }
    }
}
