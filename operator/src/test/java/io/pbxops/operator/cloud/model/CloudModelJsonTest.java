package io.pbxops.operator.cloud.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.cloud.CloudJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records read and write the wire format of docs/cloud-contract.md#systems and EXTENSIONS.md §1. */
class CloudModelJsonTest {

    private final ObjectMapper json = CloudJson.newMapper();

    /**
     * Shortened from the example answer of the 2019 admin Swagger (docs/cloud-contract.md#sources), plus an unknown
     * field and the extension object.
     */
    private static final String SYSTEM = """
            {"name":"OXE_RB_01","country":"FRA","pbxId":"PBXc2ae-3590","jid_pbxagent":"PBXc2ae@x",
             "jid_pbxagent_password":"4645","jid_pbxpcg":"pbxpcg_1@x","jid_pbxpcg_password":"abcdef",
             "searchResultOrder":[],"version":"","serverPingTimeout":120,
             "pbxNumberingTranslator":[{"regexpMatch":"^218","regexpReplace":"039067","description":"218"}],
             "usePbxMainBundlePrefix":true,"pbxMainBundlePrefix":["0"],"bpId":"59f0","isCentrex":false,
             "isShared":true,"statusUpdatedDate":"2019-11-19T10:00:00.000Z","creationDate":"2019-11-19T10:00:00.000Z",
             "status":"created","siteId":["5a01","5a02"],"type":"oxe","id":"5a28","hasMediaPillar":false,
             "somethingNew":{"a":1},
             "connectionHistory":[{"eventType":"activationRefused","eventDate":"2019-11-19T10:01:00Z"}],
             "x-pbxops":{"model":"omnipcx-enterprise","installationNumber":"+33123456789","secretIdentityActive":true,
                         "webRtc":{"enabled":true,"licenseAccepted":true},
                         "ccd":{"withdrawWhenBusy":true,"withdrawReason":3}}}
            """;

    @Test
    void readsASystemWithListsFlagsSecretsAndTheExtension() throws Exception {
        CloudSystem system = json.readValue(SYSTEM, CloudSystem.class);

        assertEquals(List.of("5a01", "5a02"), system.siteId());
        assertEquals(List.of("0"), system.pbxMainBundlePrefix());
        assertEquals(
                new NumberingRule("^218", "039067", "218"),
                system.pbxNumberingTranslator().get(0));
        assertTrue(system.isShared());
        assertFalse(system.isCentrex());
        assertEquals("59f0", system.bpId());
        assertEquals("created", system.status());
        assertEquals("4645", system.jidPbxagentPassword());
        assertEquals(120, system.serverPingTimeout());
        assertEquals("activationRefused", system.connectionHistory().get(0).eventType());
        assertEquals("omnipcx-enterprise", system.xPbxOps().model());
        assertEquals(3, system.xPbxOps().ccd().withdrawReason());
        assertTrue(system.xPbxOps().webRtc().enabled());
        assertTrue(system.isLinkedTo("5a02"));
    }

    @Test
    void systemToStringMasksThePasswords() throws Exception {
        CloudSystem system = json.readValue(SYSTEM, CloudSystem.class);

        String text = system.toString();
        assertFalse(text.contains("4645"), text);
        assertFalse(text.contains("abcdef"), text);
        assertTrue(text.contains("jidPbxagentPassword=****"), text);
        assertFalse(text.contains("PBXc2ae-3590"), "a fleet equipment ID is also a code: " + text);
        assertTrue(text.contains("name=OXE_RB_01"), text);
    }

    @Test
    void settingsOfAnObservedSystemDropTheReadOnlyPartAndEqualTheSameDesiredSettings() throws Exception {
        CloudSystem system = json.readValue(SYSTEM, CloudSystem.class);

        SystemSettings observed = system.settings();
        assertNull(observed.xPbxOps().secretIdentityActive());
        SystemSettings desired = new SystemSettings(
                "OXE_RB_01",
                "oxe",
                "FRA",
                "",
                120,
                null,
                List.of("0"),
                true,
                List.of(new NumberingRule("^218", "039067", "218")),
                null,
                null,
                List.of(),
                true,
                "59f0",
                PbxOpsExtension.ofModel("omnipcx-enterprise")
                        .withInstallationNumber("+33123456789")
                        .withWebRtc(new PbxOpsExtension.WebRtc(true, true))
                        .withCcd(new PbxOpsExtension.Ccd(true, null, null, 3)));
        assertEquals(desired, observed);
    }

    @Test
    void newSystemIsSentFlatWithoutNullsAndWithTheSiteAsOneId() throws Exception {
        NewSystem system = NewSystem.onSite(
                        "5a01",
                        SystemSettings.of("acme-oxe1", "oxe", "FRA")
                                .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise")))
                .withPbxId("ALE12-1234.5678.90")
                .withActivationCode("ALE12-1234.5678.90");

        JsonNode tree = json.readTree(json.writeValueAsString(system));

        assertEquals("5a01", tree.get("siteId").asText());
        assertEquals("acme-oxe1", tree.get("name").asText());
        assertEquals("ALE12-1234.5678.90", tree.get("activationCode").asText());
        assertEquals("omnipcx-enterprise", tree.get("x-pbxops").get("model").asText());
        assertFalse(tree.has("settings"));
        assertFalse(tree.has("isShared"));
        assertFalse(tree.get("x-pbxops").has("secretIdentity"));
        assertFalse(system.toString().contains("1234.5678.90\""), system.toString());
        assertTrue(system.toString().contains("activationCode=****"), system.toString());
    }

    @Test
    void partialUpdateSendsOnlyWhatIsSetAndAnEmptyListToReset() throws Exception {
        SystemSettings changes =
                SystemSettings.none().withNumberingTranslator(List.of()).withShared(false);

        assertEquals("{\"pbxNumberingTranslator\":[],\"isShared\":false}", json.writeValueAsString(changes));
    }

    @Test
    void readsAPageAndAnErrorEnvelopeWithDetails() throws Exception {
        Page<CloudSite> page = json.readValue("""
                {"data":[{"id":"s1","name":"HQ","companyId":"c1","status":"active","extra":true}],
                 "limit":1,"offset":0,"total":3}""", new TypeReference<>() {});
        CloudError error = json.readValue("""
                {"errorCode":400,"errorMsg":"Bad Request","errorDetailsCode":400000,
                 "errorDetails":[{"param":"activationCode","msg":"too long","value":"secret-code"}]}""", CloudError.class);

        assertEquals(
                new CloudSite("s1", "HQ", "c1", "active", null, null),
                page.data().get(0));
        assertFalse(page.isLast());
        assertEquals(400000, error.errorDetailsCode());
        assertEquals("activationCode", error.detailItems().get(0).param());
        assertFalse(error.detailItems().toString().contains("secret-code"));
    }

    @Test
    void mediaPillarsUseTheInventedNames() throws Exception {
        NewMediaPillar create = new NewMediaPillar(
                "sys1",
                "external",
                MediaPillarSettings.none().withAddress("10.1.0.80", 30).withSoftwareVersion("latest"));

        assertEquals(
                "{\"systemId\":\"sys1\",\"type\":\"external\",\"address\":\"10.1.0.80\",\"voiceChannels\":30,"
                        + "\"softwareVersion\":\"latest\"}",
                json.writeValueAsString(create));
        CloudMediaPillar read = json.readValue("""
                {"id":"g1","pbxId":"PBXa1b1-c1d1","systemId":"sys1","name":"gw","type":"external",
                 "address":"10.1.0.80","voiceChannels":30,"runningVersion":"2.4.1","availableVersion":"2.5.0",
                 "targetVersion":"2.5.0","state":"online","maintenance":false,"defaultRoute":false,
                 "creationDate":"2026-01-01T00:00:00Z"}""", CloudMediaPillar.class);
        assertEquals("2.5.0", read.availableVersion());
        assertEquals(30, read.voiceChannels());
    }

    @Test
    void stateTellsTheChannelsDownAndTheValuesNobodyDocumented() throws Exception {
        CloudSystemState up = json.readValue("{\"timestamp\":1,\"connection\":\"up\"}", CloudSystemState.class);
        assertTrue(up.down().isEmpty());
        assertTrue(up.unrecognised().isEmpty());
        CloudSystemState down = json.readValue(
                "{\"timestamp\":1,\"conf\":\"up\",\"csta\":\"down\",\"http\":\"up\"}", CloudSystemState.class);
        assertEquals(List.of("csta"), down.down());
        CloudSystemState odd =
                json.readValue("{\"timestamp\":1,\"conf\":\"established\",\"csta\":\"up\"}", CloudSystemState.class);
        assertTrue(odd.down().isEmpty(), "an unknown value is not a channel down");
        assertEquals(Map.of("conf", "established"), odd.unrecognised());
        assertTrue(json.readValue("{\"timestamp\":1}", CloudSystemState.class)
                .down()
                .isEmpty());
    }
}
