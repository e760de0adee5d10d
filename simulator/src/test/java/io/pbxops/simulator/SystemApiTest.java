package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.SimulatorTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SystemApiTest extends SimulatorTest {

    private String acme;
    private String acmeSite;
    private String globexSite;

    @BeforeEach
    void companies() {
        acme = createCompany("ACME");
        acmeSite = createSite(acme, "ACME HQ");
        globexSite = createSite(createCompany("Globex"), "Globex HQ");
    }

    @Test
    void aCreatedSystemGetsAGeneratedPbxIdAndAFourDigitCodeEchoedAsAgentPassword() {
        JsonNode system = createSystem(system("ACME-OXE-1", "oxe", acmeSite));

        assertTrue(system.get("id").asText().matches("[0-9a-f]{24}"));
        assertTrue(
                system.get("pbxId").asText().matches("PBX[0-9a-f]{4}(-[0-9a-f]{4}){7}"),
                system.get("pbxId").asText());
        String code = system.get("jid_pbxagent_password").asText();
        assertTrue(code.matches("[1-9][0-9]{3}"), code);
        assertEquals("created", system.get("status").asText());
        assertEquals(List.of(acmeSite), List.of(system.get("siteId").get(0).asText()));
        assertEquals(bpCompanyId, system.get("bpId").asText());
        assertEquals("omnipcx-enterprise", system.at("/x-pbxops/model").asText());
        assertFalse(system.get("hasMediaPillar").asBoolean());
        assertEquals(code, stateOf(system).get("activationCode").asText());
    }

    @Test
    void anExplicitPbxIdAndCodeAreKeptAndADuplicatePbxIdIsAConflict() {
        ObjectNode body = system("OXO-1", "oxo", acmeSite)
                .put("pbxId", "ALE12-1234.5678.90")
                .put("activationCode", "ALE12-1234.5678.90");
        JsonNode system = createSystem(body);
        assertEquals("ALE12-1234.5678.90", system.get("pbxId").asText());
        assertEquals("ALE12-1234.5678.90", system.get("jid_pbxagent_password").asText());

        Http.Response duplicate = cloud.post(ADMIN + "/systems", body);
        assertEquals(409, duplicate.status());
        assertEquals(409000, duplicate.detailsCode());
        assertEquals(
                "System with pbxId = ALE12-1234.5678.90 already exists.",
                duplicate.body().get("errorDetails").asText());

        JsonNode byPbxId = ok(cloud.get(ADMIN + "/systems/pbxid/ALE12-1234.5678.90"));
        assertEquals(system.get("id"), byPbxId.get("id"));
        assertEquals(404000, cloud.get(ADMIN + "/systems/pbxid/NOPE").detailsCode());
    }

    @Test
    void invalidSystemsAreRefused() {
        Http.Response missing =
                cloud.post(ADMIN + "/systems", Http.JSON.createObjectNode().put("name", "X"));
        assertEquals(400000, missing.detailsCode());
        List<String> params = new ArrayList<>();
        missing.body()
                .get("errorDetails")
                .forEach(d -> params.add(d.get("param").asText()));
        assertTrue(params.containsAll(List.of("type", "country", "siteId")), params.toString());

        assertEquals(
                400000,
                cloud.post(ADMIN + "/systems", system("X", "oxe", acmeSite).put("isShared", "yes"))
                        .detailsCode());
        assertEquals(
                400000,
                cloud.post(
                                ADMIN + "/systems",
                                system("X", "oxe", null).put("isShared", true).put("isCentrex", true))
                        .detailsCode());
        assertEquals(
                404000,
                cloud.post(ADMIN + "/systems", system("X", "oxe", "0123456789abcdef01234567"))
                        .detailsCode());
    }

    @Test
    void theNumberingTranslatorIsLimitedTo100RulesOf64Characters() {
        ObjectNode body = system("X", "oxe", acmeSite);
        ArrayNode rules = body.putArray("pbxNumberingTranslator");
        for (int i = 0; i < 101; i++) {
            rules.addObject().put("regexpMatch", "^" + i).put("regexpReplace", "0" + i);
        }
        Http.Response tooMany = cloud.post(ADMIN + "/systems", body);
        assertEquals(400000, tooMany.detailsCode());
        assertTrue(tooMany.body().at("/errorDetails/0/msg").asText().contains("Array size is longer than 100"));

        rules.remove(100);
        JsonNode created = createSystem(body);
        assertEquals(100, created.get("pbxNumberingTranslator").size());

        ObjectNode longRule = Http.JSON.createObjectNode();
        longRule.putArray("pbxNumberingTranslator").addObject().put("regexpMatch", "^" + "1".repeat(64));
        Http.Response tooLong =
                cloud.put(ADMIN + "/systems/" + created.get("id").asText(), longRule);
        assertEquals(400000, tooLong.detailsCode());
        assertEquals(
                "pbxNumberingTranslator[0].regexpMatch",
                tooLong.body().at("/errorDetails/0/param").asText());

        ObjectNode reset = Http.JSON.createObjectNode();
        reset.putArray("pbxNumberingTranslator");
        assertEquals(
                0,
                ok(cloud.put(ADMIN + "/systems/" + created.get("id").asText(), reset))
                        .get("pbxNumberingTranslator")
                        .size());
    }

    @Test
    void putIsPartialAndIgnoresCreateOnlyFields() {
        JsonNode system = createSystem(system("OXE", "oxe", acmeSite).put("pbxNationalPrefix", "0"));
        String id = system.get("id").asText();

        JsonNode updated = ok(cloud.put(
                ADMIN + "/systems/" + id,
                Http.JSON
                        .createObjectNode()
                        .put("pbxInternationalPrefix", "00")
                        .put("pbxId", "OTHER")
                        .put("activationCode", "9999")
                        .put("isCentrex", true)));
        assertEquals("00", updated.get("pbxInternationalPrefix").asText());
        assertEquals("0", updated.get("pbxNationalPrefix").asText());
        assertEquals(system.get("pbxId"), updated.get("pbxId"));
        assertEquals(system.get("jid_pbxagent_password"), updated.get("jid_pbxagent_password"));
        assertFalse(updated.get("isCentrex").asBoolean());

        Http.Response nothing =
                cloud.put(ADMIN + "/systems/" + id, Http.JSON.createObjectNode().put("pbxId", "OTHER"));
        assertEquals(400, nothing.status());
        assertEquals(400100, nothing.detailsCode());
        assertEquals(
                "0",
                ok(cloud.put(
                                ADMIN + "/systems/" + id,
                                Http.JSON.createObjectNode().put("pbxMainBundlePrefix", "0")))
                        .get("pbxMainBundlePrefix")
                        .get(0)
                        .asText(),
                "a single string is accepted as the prefix list");
    }

    @Test
    void pbxopsExtensionsAreValidatedAndMergedKeyByKey() {
        String id = createSystem(system("OXE", "oxe", acmeSite)).get("id").asText();
        ObjectNode x = Http.JSON.createObjectNode();
        ObjectNode ext = x.putObject("x-pbxops").put("installationNumber", "+33123456789");
        ext.putObject("conference").put("callPhoneNumbers", true).put("participateFromDeskPhone", true);
        ext.putObject("ccd").put("withdrawWhenBusy", true).put("withdrawReason", 3);
        JsonNode updated = ok(cloud.put(ADMIN + "/systems/" + id, x));
        assertEquals(3, updated.at("/x-pbxops/ccd/withdrawReason").asInt());
        assertFalse(updated.at("/x-pbxops/webRtc/enabled").asBoolean(), "absent keys are kept");

        ObjectNode webRtcOnly = Http.JSON.createObjectNode();
        webRtcOnly.putObject("x-pbxops").putObject("webRtc").put("enabled", true);
        Http.Response noLicence = cloud.put(ADMIN + "/systems/" + id, webRtcOnly);
        assertEquals(400000, noLicence.detailsCode());
        assertEquals(
                "x-pbxops.webRtc.licenseAccepted",
                noLicence.body().at("/errorDetails/0/param").asText());

        ObjectNode badReason = Http.JSON.createObjectNode();
        badReason
                .putObject("x-pbxops")
                .putObject("ccd")
                .put("withdrawInDnd", true)
                .put("withdrawReason", 12);
        assertEquals(400000, cloud.put(ADMIN + "/systems/" + id, badReason).detailsCode());

        ObjectNode noNumber = Http.JSON.createObjectNode();
        noNumber.putObject("x-pbxops").putNull("installationNumber");
        assertEquals(
                "x-pbxops.conference.callPhoneNumbers",
                cloud.put(ADMIN + "/systems/" + id, noNumber)
                        .body()
                        .at("/errorDetails/0/param")
                        .asText());

        ObjectNode nullExtensions = Http.JSON.createObjectNode().putNull("x-pbxops");
        assertEquals(
                "x-pbxops",
                cloud.put(ADMIN + "/systems/" + id, nullExtensions)
                        .body()
                        .at("/errorDetails/0/param")
                        .asText());

        ObjectNode wrongModel = system("OXE", "oxe", acmeSite);
        wrongModel.putObject("x-pbxops").put("model", "oxo-connect");
        assertEquals(
                "x-pbxops.model",
                cloud.post(ADMIN + "/systems", wrongModel)
                        .body()
                        .at("/errorDetails/0/param")
                        .asText());

        ObjectNode oxoSecret = system("OXO", "oxo", acmeSite);
        oxoSecret.putObject("x-pbxops").put("secretIdentity", true);
        assertEquals(
                "x-pbxops.secretIdentity",
                cloud.post(ADMIN + "/systems", oxoSecret)
                        .body()
                        .at("/errorDetails/0/param")
                        .asText());

        sim.control().setSecretIdentityActive(id, true);
        assertTrue(ok(cloud.get(ADMIN + "/systems/" + id))
                .at("/x-pbxops/secretIdentityActive")
                .asBoolean());
    }

    @Test
    void listsFilterFormatSortAndPage() {
        createSystem(system("Charlie", "oxe", acmeSite).put("pbxId", "C-1"));
        createSystem(system("alpha", "oxo", acmeSite).put("pbxId", "A-1"));
        createSystem(system("Bravo", "oxo", globexSite).put("pbxId", "B-1"));

        JsonNode all = cloud.get(ADMIN + "/systems").body();
        assertEquals(3, all.get("total").asInt());
        assertEquals("A-1", all.at("/data/0/pbxId").asText(), "sorted by pbxId by default");
        assertEquals(3, all.at("/data/0").size(), "format small: id, pbxId, version");

        JsonNode medium = cloud.get(ADMIN + "/systems?format=medium&type=oxo&sortField=name&sortOrder=-1")
                .body();
        assertEquals(2, medium.get("total").asInt());
        assertEquals("Bravo", medium.at("/data/0/name").asText());
        assertEquals("created", medium.at("/data/0/status").asText());
        assertFalse(medium.at("/data/0").has("jid_pbxagent"));
        assertTrue(medium.at("/data/0").has("x-pbxops"));

        assertEquals(
                2,
                cloud.get(ADMIN + "/systems?companyId=" + acme)
                        .body()
                        .get("total")
                        .asInt());
        assertEquals(
                1,
                cloud.get(ADMIN + "/systems?siteId=" + globexSite)
                        .body()
                        .get("total")
                        .asInt());
        assertEquals(
                2,
                cloud.get(ADMIN + "/sites/" + acmeSite + "/systems")
                        .body()
                        .get("total")
                        .asInt());
        assertEquals(
                1, cloud.get(ADMIN + "/systems?name=RAV").body().get("total").asInt());
        assertEquals(
                3,
                cloud.get(ADMIN + "/systems?status=created&bpId=" + bpCompanyId + "&isShared=false")
                        .body()
                        .get("total")
                        .asInt());

        JsonNode page =
                cloud.get(ADMIN + "/systems?limit=1&offset=2&format=full").body();
        assertEquals("C-1", page.at("/data/0/pbxId").asText());
        assertEquals(1, page.get("data").size());
        assertTrue(page.at("/data/0").has("jid_pbxpcg"));
        assertEquals(400000, cloud.get(ADMIN + "/systems?isShared=maybe").detailsCode());
        assertEquals(400000, cloud.get(ADMIN + "/systems?sortField=nothing").detailsCode());
    }

    @Test
    void deleteAnswersAStatusAndIsRefusedWhileAGatewayIsAttached() {
        ObjectNode body = system("OXE", "oxe", acmeSite);
        body.putObject("x-pbxops").putObject("webRtc").put("enabled", true).put("licenseAccepted", true);
        String id = createSystem(body).get("id").asText();
        String gateway = ok(cloud.post(
                        ADMIN + "/x-pbxops/mediapillars",
                        Http.JSON.createObjectNode().put("systemId", id).put("type", "cloud")))
                .get("id")
                .asText();
        assertTrue(ok(cloud.get(ADMIN + "/systems/" + id)).get("hasMediaPillar").asBoolean());

        Http.Response refused = cloud.delete(ADMIN + "/systems/" + id);
        assertEquals(403, refused.status());
        assertEquals(403030, refused.detailsCode());

        assertEquals(
                200, cloud.delete(ADMIN + "/x-pbxops/mediapillars/" + gateway).status());
        Http.Response deleted = cloud.delete(ADMIN + "/systems/" + id);
        assertEquals(200, deleted.status());
        assertEquals(
                "Systems " + id + " successfully deleted",
                deleted.body().get("status").asText());
        assertTrue(deleted.body().get("data").isArray());
        assertEquals(404000, cloud.get(ADMIN + "/systems/" + id).detailsCode());
    }

    @Test
    void linksAreIdempotentAndTheLastSiteOfAnUnsharedSystemStays() {
        String id = createSystem(system("OXE", "oxe", acmeSite)).get("id").asText();
        String branch = createSite(acme, "ACME Branch");
        ObjectNode link = Http.JSON.createObjectNode().put("systemId", id);

        assertEquals(
                2,
                ok(cloud.post(ADMIN + "/sites/" + branch + "/systems", link))
                        .get("siteId")
                        .size());
        assertEquals(
                2,
                ok(cloud.post(ADMIN + "/sites/" + branch + "/systems", link))
                        .get("siteId")
                        .size(),
                "idempotent");

        Http.Response otherCompany = cloud.post(ADMIN + "/sites/" + globexSite + "/systems", link);
        assertEquals(403, otherCompany.status(), "an unshared system serves one company");

        Http.Response unlinked = cloud.delete(ADMIN + "/sites/" + branch + "/systems/" + id);
        assertEquals(200, unlinked.status());
        assertEquals(
                "Site " + branch + " successfully removed",
                unlinked.body().get("status").asText());
        Http.Response last = cloud.delete(ADMIN + "/sites/" + acmeSite + "/systems/" + id);
        assertEquals(409, last.status());
        assertEquals(409000, last.detailsCode());
        assertEquals(
                404000,
                cloud.delete(ADMIN + "/sites/" + branch + "/systems/" + id).detailsCode());
    }

    @Test
    void aSharedSystemServesSeveralCompaniesAndFollowsTheIsSharedRules() {
        String id = createSystem(system("OXO-90", "oxo", acmeSite)).get("id").asText();
        ObjectNode link = Http.JSON.createObjectNode().put("systemId", id);

        JsonNode shared = ok(
                cloud.put(ADMIN + "/systems/" + id, Http.JSON.createObjectNode().put("isShared", true)));
        assertTrue(shared.get("isShared").asBoolean());
        assertEquals(
                2,
                ok(cloud.post(ADMIN + "/sites/" + globexSite + "/systems", link))
                        .get("siteId")
                        .size());
        assertEquals(
                1,
                cloud.get(ADMIN + "/systems?isShared=true&companyId=" + acme)
                        .body()
                        .get("total")
                        .asInt());

        Http.Response unshare =
                cloud.put(ADMIN + "/systems/" + id, Http.JSON.createObjectNode().put("isShared", false));
        assertEquals(400000, unshare.detailsCode(), "unsharing needs exactly one site");

        assertEquals(
                200,
                cloud.delete(ADMIN + "/sites/" + globexSite + "/systems/" + id).status());
        JsonNode unshared = ok(
                cloud.put(ADMIN + "/systems/" + id, Http.JSON.createObjectNode().put("isShared", false)));
        assertFalse(unshared.get("isShared").asBoolean());
        assertTrue(unshared.get("bpId").isNull(), "unsharing resets bpId");
    }

    @Test
    void centrexSystemsLinkOnlyToCentrexSites() {
        String centrexCompany = ok(cloud.post(
                        ADMIN + "/companies",
                        Http.JSON
                                .createObjectNode()
                                .put("name", "OTEC")
                                .put("country", "FRA")
                                .put("isCentrex", true)))
                .get("id")
                .asText();
        String centrexSite = createSite(centrexCompany, "OTEC site");
        assertEquals(
                403000,
                cloud.post(
                                ADMIN + "/sites",
                                Http.JSON
                                        .createObjectNode()
                                        .put("name", "second")
                                        .put("status", "active")
                                        .put("companyId", centrexCompany))
                        .detailsCode());

        String centrex = createSystem(system("OTEC-S", "oxe", null).put("isCentrex", true))
                .get("id")
                .asText();
        assertEquals(
                403709,
                cloud.post(
                                ADMIN + "/sites/" + acmeSite + "/systems",
                                Http.JSON.createObjectNode().put("systemId", centrex))
                        .detailsCode());
        assertEquals(
                200,
                cloud.post(
                                ADMIN + "/sites/" + centrexSite + "/systems",
                                Http.JSON.createObjectNode().put("systemId", centrex))
                        .status());
        assertEquals(
                200,
                cloud.delete(ADMIN + "/sites/" + centrexSite + "/systems/" + centrex)
                        .status(),
                "a centrex system may lose its last site");
    }

    @Test
    void resetGivesANewCodeKeepsThePbxIdAndGoesBackToCreated() {
        JsonNode system = createSystem(system("OXE", "oxe", acmeSite));
        String id = system.get("id").asText();

        JsonNode reset = ok(cloud.post(ADMIN + "/systems/" + id + "/reset-password", null));
        assertEquals(system.get("pbxId"), reset.get("pbxId"));
        assertEquals("created", reset.get("status").asText());
        assertNotEquals(
                system.get("jid_pbxagent_password").asText(),
                reset.get("jid_pbxagent_password").asText());
        assertTrue(reset.get("jid_pbxagent_password").asText().matches("[1-9][0-9]{3}"));
        JsonNode history = ok(cloud.get(ADMIN + "/systems/" + id + "?connectionHistory=true"))
                .get("connectionHistory");
        assertEquals("reset", history.get(0).get("eventType").asText());
    }

    @Test
    void theStateOfASystemThatIsNotActivatedIsDown() {
        String id = createSystem(system("OXE", "oxe", acmeSite)).get("id").asText();

        JsonNode small = ok(cloud.get(ADMIN + "/systems/" + id + "/state"));
        assertEquals("down", small.get("connection").asText());
        assertTrue(small.get("timestamp").isNumber());
        JsonNode full = ok(cloud.get(ADMIN + "/systems/" + id + "/state?format=full"));
        for (String channel : List.of("xmpp", "conf", "csta", "http")) {
            assertEquals("down", full.get(channel).asText());
        }
        assertFalse(
                ok(cloud.get(ADMIN + "/systems/" + id + "/state?format=medium")).has("xmpp"));
    }

    private JsonNode stateOf(JsonNode system) {
        for (JsonNode candidate : sim.control().state().get("systems")) {
            if (candidate.get("id").equals(system.get("id"))) {
                return candidate;
            }
        }
        throw new AssertionError("system not in the state snapshot");
    }
}
