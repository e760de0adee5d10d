package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Await;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.SimulatorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaPillarTest extends SimulatorTest {

    private static final String GATEWAYS = ADMIN + "/x-pbxops/mediapillars";
    private String site;

    @BeforeEach
    void site() {
        site = createSite(createCompany("ACME"), "HQ");
    }

    private String systemWithWebRtc(String name, String type, String model) {
        ObjectNode body = system(name, type, site);
        ObjectNode x = body.putObject("x-pbxops");
        x.putObject("webRtc").put("enabled", true).put("licenseAccepted", true);
        if (model != null) {
            x.put("model", model);
        }
        return createSystem(body).get("id").asText();
    }

    private ObjectNode gateway(String systemId, String type) {
        return Http.JSON.createObjectNode().put("systemId", systemId).put("type", type);
    }

    @Test
    void aGatewayNeedsWebRtcOnItsSystemAndTheRightModel() {
        String plain = createSystem(system("OXE", "oxe", site)).get("id").asText();
        assertEquals(403040, cloud.post(GATEWAYS, gateway(plain, "cloud")).detailsCode());

        String oxe = systemWithWebRtc("OXE-W", "oxe", null);
        assertEquals(403041, cloud.post(GATEWAYS, gateway(oxe, "internal")).detailsCode());
        String evolution = systemWithWebRtc("OXO-E", "oxo", "oxo-connect-evolution");
        assertEquals(
                "internal",
                ok(cloud.post(GATEWAYS, gateway(evolution, "internal")))
                        .get("type")
                        .asText());

        assertEquals(
                400000,
                cloud.post(GATEWAYS, gateway(oxe, "external").put("address", "10.1.0.80"))
                        .detailsCode());
        JsonNode external = ok(cloud.post(
                GATEWAYS, gateway(oxe, "external").put("address", "10.1.0.80").put("voiceChannels", 30)));
        assertEquals(30, external.get("voiceChannels").asInt());
        assertEquals("online", external.get("state").asText());
        assertTrue(external.get("pbxId").asText().startsWith("PBX"));
        assertEquals(400000, cloud.post(GATEWAYS, gateway(oxe, "virtual")).detailsCode());
    }

    @Test
    void extraGatewaysOfOneSystemNumberTheFirstOnesId() {
        String oxe = systemWithWebRtc("OXE", "oxe", null);
        String first =
                ok(cloud.post(GATEWAYS, gateway(oxe, "cloud"))).get("pbxId").asText();
        assertEquals(
                first + "-1",
                ok(cloud.post(GATEWAYS, gateway(oxe, "cloud"))).get("pbxId").asText());
        assertEquals(
                2, cloud.get(GATEWAYS + "?systemId=" + oxe).body().get("total").asInt());
    }

    @Test
    void latestUpgradesToTheNewestPublishedVersionAfterTheDelay() {
        String oxe = systemWithWebRtc("OXE", "oxe", null);
        JsonNode created = ok(cloud.post(GATEWAYS, gateway(oxe, "cloud").put("softwareVersion", "latest")));
        String id = created.get("id").asText();
        assertEquals("2.4.1", created.get("runningVersion").asText());
        assertEquals("2.5.0", created.get("targetVersion").asText());
        assertEquals("upgrading", created.get("state").asText());
        Await.until(
                () -> ok(cloud.get(GATEWAYS + "/" + id)),
                g -> g.get("state").asText().equals("online"),
                "the upgrade");
        assertEquals(
                "2.5.0",
                ok(cloud.get(GATEWAYS + "/" + id)).get("runningVersion").asText());

        sim.control().publishMediaPillarVersion("2.6.0");
        assertEquals(
                "2.6.0",
                ok(cloud.get(GATEWAYS + "/" + id)).get("availableVersion").asText());
        assertEquals(
                400000,
                cloud.put(GATEWAYS + "/" + id, Http.JSON.createObjectNode().put("softwareVersion", "9.9.9"))
                        .detailsCode());
        assertEquals(
                "maintenance",
                ok(cloud.put(GATEWAYS + "/" + id, Http.JSON.createObjectNode().put("maintenance", true)))
                        .get("state")
                        .asText());
    }

    @Test
    void oneDefaultRoutePerCompany() {
        String a = ok(cloud.post(
                        GATEWAYS,
                        gateway(systemWithWebRtc("A", "oxe", null), "cloud").put("defaultRoute", true)))
                .get("id")
                .asText();
        String b = ok(cloud.post(GATEWAYS, gateway(systemWithWebRtc("B", "oxe", null), "cloud")))
                .get("id")
                .asText();

        assertTrue(ok(cloud.put(GATEWAYS + "/" + b, Http.JSON.createObjectNode().put("defaultRoute", true)))
                .get("defaultRoute")
                .asBoolean());
        assertFalse(ok(cloud.get(GATEWAYS + "/" + a)).get("defaultRoute").asBoolean());
    }

    @Test
    void unknownGatewaysAnswer404030() {
        assertEquals(404030, cloud.get(GATEWAYS + "/0123456789abcdef01234567").detailsCode());
        assertEquals(
                404030, cloud.delete(GATEWAYS + "/0123456789abcdef01234567").detailsCode());
        assertEquals(
                404000,
                cloud.post(GATEWAYS, gateway("0123456789abcdef01234567", "cloud"))
                        .detailsCode());
    }
}
