package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.SimulatorTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the documented-only profile does differently (EXTENSIONS.md §5), over HTTP. The extended side of each
 * difference is in {@link PublicApiExtendedTest}.
 */
class DocumentedProfileTest extends SimulatorTest {

    private static final String GATEWAYS = ADMIN + "/x-pbxops/mediapillars";

    @Override
    protected SimulatorConfig config() {
        return super.config().withContract(CloudContract.DOCUMENTED);
    }

    private static ObjectNode json() {
        return Http.JSON.createObjectNode();
    }

    /** An extension the extended profile would refuse (ccd on an OXO, WebRTC without its licence). */
    private static ObjectNode extension() {
        ObjectNode extension = json().put("model", "oxo-connect-evolution").put("installationNumber", "+33123456789");
        extension.putObject("webRtc").put("enabled", true).put("licenseAccepted", false);
        extension.putObject("ccd").put("withdrawWhenBusy", true);
        return extension;
    }

    private static void assertEnvelope(Http.Response response, int status, int detailsCode) {
        assertEquals(status, response.status(), () -> "answer: " + response.body());
        for (String key : List.of("errorCode", "errorMsg", "errorDetails", "errorDetailsCode")) {
            assertTrue(response.body().has(key), () -> key + " missing from " + response.body());
        }
        assertEquals(status, response.body().get("errorCode").asInt());
        assertEquals(detailsCode, response.detailsCode());
    }

    @Test
    void theSystemExtensionIsDroppedOnCreateAndUpdateAndNeverReturned() {
        String site = createSite(createCompany("ACME"), "HQ");
        ObjectNode body = system("OXO-1", "oxo", site).put("favouriteColour", "blue");
        body.set("x-pbxops", extension());
        JsonNode created = createSystem(body);
        String id = created.get("id").asText();
        assertFalse(created.has("x-pbxops"), () -> "create answer: " + created);
        assertFalse(created.has("favouriteColour"), "unknown fields are not echoed");

        for (String format : List.of("medium", "full")) {
            JsonNode listed =
                    cloud.get(ADMIN + "/systems?format=" + format).body().at("/data/0");
            assertEquals(id, listed.get("id").asText());
            assertFalse(listed.has("x-pbxops"), () -> format + " list: " + listed);
        }
        assertFalse(ok(cloud.get(ADMIN + "/systems/" + id)).has("x-pbxops"));
        assertFalse(
                ok(cloud.get(ADMIN + "/systems/pbxid/" + created.get("pbxId").asText()))
                        .has("x-pbxops"));

        ObjectNode update = json().put("name", "OXO-2");
        update.set("x-pbxops", extension());
        JsonNode updated = ok(cloud.put(ADMIN + "/systems/" + id, update));
        assertEquals("OXO-2", updated.get("name").asText());
        assertFalse(updated.has("x-pbxops"));

        ObjectNode onlyExtension = json();
        onlyExtension.set("x-pbxops", extension());
        JsonNode unchanged = ok(cloud.put(ADMIN + "/systems/" + id, onlyExtension));
        assertEquals("OXO-2", unchanged.get("name").asText());
        assertFalse(unchanged.has("x-pbxops"));

        JsonNode stored = sim.control().state().at("/systems/0");
        assertFalse(stored.has("x-pbxops"), () -> "nothing is stored: " + stored);
        assertFalse(stored.has("favouriteColour"));
    }

    @Test
    void everyXPbxopsPathIsAnUnknownPath() {
        String site = createSite(createCompany("ACME"), "HQ");
        String systemId = createSystem(system("OXE", "oxe", site)).get("id").asText();
        ObjectNode gateway = json().put("systemId", systemId).put("type", "cloud");

        assertEnvelope(cloud.get(GATEWAYS), 404, 404000);
        assertEnvelope(cloud.get(GATEWAYS + "?systemId=" + systemId + "&limit=100&offset=0"), 404, 404000);
        assertEnvelope(cloud.post(GATEWAYS, gateway), 404, 404000);
        assertEnvelope(cloud.get(GATEWAYS + "/0123456789abcdef01234567"), 404, 404000);
        assertEnvelope(cloud.put(GATEWAYS + "/0123456789abcdef01234567", json().put("maintenance", true)), 404, 404000);
        assertEnvelope(cloud.delete(GATEWAYS + "/0123456789abcdef01234567"), 404, 404000);
        assertEnvelope(cloud.get(ADMIN + "/x-pbxops/anything/else"), 404, 404000);

        assertEquals(0, sim.control().state().get("mediaPillars").size());
        assertFalse(ok(cloud.get(ADMIN + "/systems/" + systemId))
                .get("hasMediaPillar")
                .asBoolean());
        assertTrue(sim.control().requestCount("POST", "(unmatched)") >= 1, "served by no route, like any unknown path");
        assertEquals(200, cloud.delete(ADMIN + "/systems/" + systemId).status());
    }

    @Test
    void aSiteUpdateWithoutItsCompanyIdIsRefused() {
        String company = createCompany("ACME");
        String site = createSite(company, "HQ");

        Http.Response nameOnly = cloud.put(ADMIN + "/sites/" + site, json().put("name", "Head office"));
        assertEnvelope(nameOnly, 400, 400000);
        assertEquals("companyId", nameOnly.body().at("/errorDetails/0/param").asText());
        assertEquals("HQ", ok(cloud.get(ADMIN + "/sites/" + site)).get("name").asText(), "nothing changed");

        assertEquals(
                "Head office",
                ok(cloud.put(
                                ADMIN + "/sites/" + site,
                                json().put("name", "Head office").put("companyId", company)))
                        .get("name")
                        .asText());
    }

    @Test
    void aRegexpMatchWithTheDigitShorthandIsRefused() {
        String site = createSite(createCompany("ACME"), "HQ");
        ObjectNode body = system("OXE", "oxe", site);
        body.putArray("pbxNumberingTranslator")
                .add(json().put("regexpMatch", "^218").put("regexpReplace", "039067"))
                .add(json().put("regexpMatch", "^0(\\d{9})$").put("regexpReplace", "+33$1"));

        Http.Response refused = cloud.post(ADMIN + "/systems", body);
        assertEnvelope(refused, 400, 400000);
        JsonNode detail = refused.body().at("/errorDetails/0");
        assertEquals(
                "pbxNumberingTranslator[1].regexpMatch", detail.get("param").asText());
        assertTrue(detail.get("msg").asText().contains("[0-9]"), () -> "the fix is named: " + detail);
        assertEquals(0, sim.control().state().get("systems").size());

        ((ObjectNode) body.at("/pbxNumberingTranslator/1")).put("regexpMatch", "^0([0-9]{9})$");
        String id = createSystem(body).get("id").asText();

        ObjectNode update = json();
        update.putArray("pbxNumberingTranslator")
                .add(json().put("regexpMatch", "\\d+").put("regexpReplace", "$0"));
        assertEnvelope(cloud.put(ADMIN + "/systems/" + id, update), 400, 400000);

        ObjectNode literalBackslash = json();
        literalBackslash
                .putArray("pbxNumberingTranslator")
                .add(json().put("regexpMatch", "^\\\\d").put("regexpReplace", "x"));
        assertEquals(
                "^\\\\d",
                ok(cloud.put(ADMIN + "/systems/" + id, literalBackslash))
                        .at("/pbxNumberingTranslator/0/regexpMatch")
                        .asText(),
                "an escaped backslash followed by d is not the shorthand");
    }

    @Test
    void aUsaOrCanadaStateIsOneOfTheDocumentedTwoLetterCodes() {
        for (String[] refused : List.of(
                new String[] {"USA", "US-NY"}, new String[] {"USA", "QC"}, new String[] {"CAN", "CA-QC"}, new String[] {
                    "CAN", "NY"
                })) {
            Http.Response response = cloud.post(
                    ADMIN + "/companies",
                    json().put("name", "X").put("country", refused[0]).put("state", refused[1]));
            assertEnvelope(response, 400, 400000);
            assertEquals("state", response.body().at("/errorDetails/0/param").asText());
        }
        assertEquals(
                "PR",
                ok(cloud.post(
                                ADMIN + "/companies",
                                json().put("name", "Isla").put("country", "USA").put("state", "PR")))
                        .get("state")
                        .asText());
    }
}
