package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Await;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.O2gSession;
import io.pbxops.simulator.support.SimulatorTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public admin calls (the ones the official SDK and the operator's cloud client make) and the control API, run
 * once per cloud contract profile by the subclasses: both profiles must serve all of it the same way.
 */
abstract class PublicApiTest extends SimulatorTest {

    /** The profile under test. */
    protected abstract CloudContract contract();

    @Override
    protected SimulatorConfig config() {
        return super.config().withContract(contract());
    }

    private static ObjectNode json() {
        return Http.JSON.createObjectNode();
    }

    @Test
    void theSimulatorRunsTheProfileAskedFor() {
        assertEquals(contract(), sim.config().contract());
    }

    @Test
    void loginRenewAndLogout() {
        String token = login();
        Http.Response renewed = anonymous().bearer(token).get(AUTH + "/renew");
        assertEquals(200, renewed.status(), () -> "renew: " + renewed.body());
        String fresh = renewed.body().get("token").asText();
        assertEquals(200, anonymous().bearer(fresh).get(ADMIN + "/companies").status());
        assertEquals(200, anonymous().bearer(fresh).get(AUTH + "/logout").status());
        assertEquals(401, anonymous().bearer(fresh).get(ADMIN + "/companies").status());
    }

    @Test
    void companiesAreCreatedReadListedUpdatedAndDeleted() {
        JsonNode created = ok(cloud.post(
                ADMIN + "/companies",
                json().put("name", "ACME").put("country", "FRA").put("externalReference", "crm-1")));
        String id = created.get("id").asText();
        assertEquals(
                "crm-1",
                ok(cloud.get(ADMIN + "/companies/" + id + "?format=full"))
                        .get("externalReference")
                        .asText());
        JsonNode found = cloud.get(ADMIN + "/companies?format=full&name=acme&limit=100&offset=0")
                .body();
        assertEquals(1, found.get("total").asInt());
        assertEquals("FRA", found.at("/data/0/country").asText());

        JsonNode updated = ok(cloud.put(
                ADMIN + "/companies/" + id, json().put("name", "ACME Corp").put("country", "DEU")));
        assertEquals("ACME Corp", updated.get("name").asText());
        assertEquals("DEU", updated.get("country").asText());

        assertEquals(200, cloud.delete(ADMIN + "/companies/" + id).status());
        assertEquals(404000, cloud.get(ADMIN + "/companies/" + id).detailsCode());
    }

    @Test
    void aCompanyInTheUsaOrCanadaNeedsItsTwoLetterState() {
        Http.Response noState =
                cloud.post(ADMIN + "/companies", json().put("name", "Initech").put("country", "USA"));
        assertEquals(400000, noState.detailsCode());
        assertEquals("state", noState.body().at("/errorDetails/0/param").asText());
        assertEquals(
                400000,
                cloud.post(ADMIN + "/companies", json().put("name", "Maple").put("country", "CAN"))
                        .detailsCode());

        JsonNode initech = ok(cloud.post(
                ADMIN + "/companies",
                json().put("name", "Initech").put("country", "USA").put("state", "NY")));
        assertEquals("NY", initech.get("state").asText());
        JsonNode maple = ok(cloud.post(
                ADMIN + "/companies",
                json().put("name", "Maple").put("country", "CAN").put("state", "QC")));
        assertEquals(
                "QC",
                ok(cloud.get(ADMIN + "/companies/" + maple.get("id").asText()))
                        .get("state")
                        .asText());

        String french = createCompany("Gaulois");
        Http.Response moved = cloud.put(ADMIN + "/companies/" + french, json().put("country", "USA"));
        assertEquals(400000, moved.detailsCode(), "an update to USA needs a state too");
        assertEquals(
                "TX",
                ok(cloud.put(
                                ADMIN + "/companies/" + french,
                                json().put("country", "USA").put("state", "TX")))
                        .get("state")
                        .asText());
    }

    @Test
    void sitesAreCreatedReadListedRenamedWithTheirCompanyAndDeleted() {
        String company = createCompany("ACME");
        String site = createSite(company, "HQ");
        assertEquals(
                company,
                ok(cloud.get(ADMIN + "/sites/" + site)).get("companyId").asText());
        JsonNode byCompany = cloud.get(ADMIN + "/companies/" + company + "/sites?format=full&limit=100&offset=0")
                .body();
        assertEquals(1, byCompany.get("total").asInt());
        assertEquals(
                company,
                cloud.get(ADMIN + "/sites?format=full")
                        .body()
                        .at("/data/0/companyId")
                        .asText());

        JsonNode renamed = ok(cloud.put(
                ADMIN + "/sites/" + site, json().put("name", "Head office").put("companyId", company)));
        assertEquals("Head office", renamed.get("name").asText());

        assertEquals(200, cloud.delete(ADMIN + "/sites/" + site).status());
        assertEquals(404000, cloud.get(ADMIN + "/sites/" + site).detailsCode());
    }

    @Test
    void systemsAreDeclaredFoundUpdatedResetLinkedAndDeleted() {
        String company = createCompany("ACME");
        String site = createSite(company, "HQ");
        ObjectNode body = system("ACME-OXE-1", "oxe", site)
                .put("pbxNationalPrefix", "0")
                .put("pbxInternationalPrefix", "00")
                .put("usePbxMainBundlePrefix", true)
                .put("isShared", false);
        body.putArray("pbxMainBundlePrefix").add("0");
        body.putArray("pbxNumberingTranslator")
                .addObject()
                .put("regexpMatch", "^0([0-9]{9})$")
                .put("regexpReplace", "+33$1")
                .put("description", "national to E.164");
        JsonNode created = createSystem(body);
        String id = created.get("id").asText();
        String pbxId = created.get("pbxId").asText();
        assertTrue(created.get("jid_pbxagent_password").asText().matches("[0-9]{4}"));
        assertEquals(
                "^0([0-9]{9})$",
                created.at("/pbxNumberingTranslator/0/regexpMatch").asText());

        assertEquals(
                id, ok(cloud.get(ADMIN + "/systems/pbxid/" + pbxId)).get("id").asText());
        JsonNode listed = cloud.get(
                        ADMIN + "/systems?format=full&name=ACME-OXE-1&siteId=" + site + "&limit=100&offset=0")
                .body();
        assertEquals(1, listed.get("total").asInt());
        assertEquals(
                1,
                cloud.get(ADMIN + "/systems?format=small&siteId=" + site + "&limit=1&offset=0")
                        .body()
                        .get("total")
                        .asInt());

        JsonNode updated = ok(cloud.put(
                ADMIN + "/systems/" + id,
                json().put("name", "ACME-OXE-2").set("pbxNumberingTranslator", Http.JSON.createArrayNode())));
        assertEquals("ACME-OXE-2", updated.get("name").asText());
        assertEquals(0, updated.get("pbxNumberingTranslator").size());
        assertEquals(400100, cloud.put(ADMIN + "/systems/" + id, json()).detailsCode());

        JsonNode state = ok(cloud.get(ADMIN + "/systems/" + id + "/state?format=full"));
        for (String channel : List.of("xmpp", "conf", "csta", "http")) {
            assertEquals("down", state.get(channel).asText(), channel);
        }
        String code = created.get("jid_pbxagent_password").asText();
        JsonNode reset = ok(cloud.post(ADMIN + "/systems/" + id + "/reset-password", null));
        assertEquals(pbxId, reset.get("pbxId").asText());
        assertNotEquals(code, reset.get("jid_pbxagent_password").asText());
        assertEquals(
                "reset",
                ok(cloud.get(ADMIN + "/systems/" + id + "?connectionHistory=true"))
                        .at("/connectionHistory/0/eventType")
                        .asText());

        String shared = createSystem(system("SHARED-OXE", "oxe", null).put("isShared", true))
                .get("id")
                .asText();
        JsonNode linked = ok(cloud.post(ADMIN + "/sites/" + site + "/systems", json().put("systemId", shared)));
        assertEquals(List.of(site), texts(linked.get("siteId")));
        assertEquals(
                200,
                cloud.delete(ADMIN + "/sites/" + site + "/systems/" + shared).status());

        assertEquals(200, cloud.delete(ADMIN + "/systems/" + id).status());
        assertEquals(404000, cloud.get(ADMIN + "/systems/" + id).detailsCode());
    }

    @Test
    void anOxeEnteredOverO2gActivatesItsSystem() {
        JsonNode system = createSystem(system("OXE", "oxe", createSite(createCompany("ACME"), "HQ")));
        O2gSession oxe = O2gSession.open(sim.o2gUrl(), null, "admin", "pbxops-o2g");
        oxe.setOk("1", "Rainbow_Network", Map.of("DNS_Primary", "10.1.0.53"));
        oxe.setOk(
                "1",
                "Rainbow",
                Map.of(
                        "Rainbow_Agent_Enable",
                        "Yes",
                        "Rainbow_PBXID",
                        system.get("pbxId").asText(),
                        "Rainbow_Activation_Code",
                        system.get("jid_pbxagent_password").asText()));

        String id = system.get("id").asText();
        awaitSystemStatus(id, "activated");
        assertEquals(
                "up",
                ok(cloud.get(ADMIN + "/systems/" + id + "/state"))
                        .get("connection")
                        .asText());
    }

    @Test
    void theControlApiDrivesTheSimulator() {
        Http control = anonymous();
        String id = createSystem(system("OXE", "oxe", createSite(createCompany("ACME"), "HQ")))
                .get("id")
                .asText();
        JsonNode state = control.get("/sim/v1/state").body();
        assertEquals(2, state.get("companies").size());
        assertTrue(state.at("/systems/0/activationCode").asText().matches("[0-9]{4}"));

        assertEquals(
                200, control.put("/sim/v1/faults", json().put("failNext", 1)).status());
        assertEquals(500, cloud.get(ADMIN + "/systems/" + id).status() / 100 * 100);
        assertEquals(200, cloud.get(ADMIN + "/systems/" + id).status());
        assertTrue(control.get("/sim/v1/requests").body().size() > 0, "requests are counted");

        assertEquals(
                204,
                control.put("/sim/v1/systems/" + id + "/channels/conf", "{\"up\":false}")
                        .status());
        assertEquals(
                "conf",
                control.get("/sim/v1/state")
                        .body()
                        .at("/systems/0/channelsDown/0")
                        .asText());
        assertEquals(
                204,
                control.put("/sim/v1/systems/" + id + "/secret-identity-active", "{\"active\":true}")
                        .status());
        assertEquals(
                204,
                control.post("/sim/v1/mediapillar-versions", "{\"version\":\"2.6.0\"}")
                        .status());
        assertTrue(texts(control.get("/sim/v1/state").body().get("mediaPillarVersions"))
                .contains("2.6.0"));

        assertEquals(
                204,
                control.post("/sim/v1/oxo", "{\"serial\":\"B200\",\"mode\":\"btco\"}")
                        .status());
        JsonNode oxo = createSystem(system("OXO", "oxo", createSite(createCompany("Globex"), "HQ")));
        assertEquals(
                204,
                control.put(
                                "/sim/v1/oxo/B200/rainbow",
                                json().put("rainbowEnabled", true)
                                        .put("pabxId", oxo.get("pbxId").asText())
                                        .put(
                                                "activationCode",
                                                oxo.get("jid_pbxagent_password").asText()))
                        .status());
        awaitSystemStatus(oxo.get("id").asText(), "activated");

        assertEquals(204, control.post("/sim/v1/tokens/expire", null).status());
        assertEquals(401523, cloud.get(ADMIN + "/companies").detailsCode());
        cloud = new Http(sim.cloudUrl()).bearer(login());

        assertEquals(204, control.post("/sim/v1/reset", null).status());
        assertEquals(1, control.get("/sim/v1/state").body().get("companies").size());
    }

    @Test
    void theInProcessControlDrivesTheSimulator() {
        String id = createSystem(system("OXE", "oxe", createSite(createCompany("ACME"), "HQ")))
                .get("id")
                .asText();
        sim.control().setChannel(id, Channel.CSTA, false);
        sim.control().setSecretIdentityActive(id, true);
        sim.control().publishMediaPillarVersion("2.7.0");
        sim.control().updateFaults(FaultTarget.CLOUD, faults -> faults.withFailNext(1));
        assertNotEquals(200, cloud.get(ADMIN + "/systems/" + id).status(), "the injected failure");

        JsonNode state = sim.control().state();
        assertEquals("csta", state.at("/systems/0/channelsDown/0").asText());
        assertTrue(texts(state.get("mediaPillarVersions")).contains("2.7.0"));
        Await.until(
                () -> sim.control().requestCount("GET", "/api/rainbow/admin/v1.0/systems/{systemId}"),
                count -> count >= 1,
                "the failed read to be counted");
        sim.control().reset();
        assertEquals(1, sim.control().state().get("companies").size());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
