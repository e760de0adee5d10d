package io.pbxops.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.testing.CurrentStatus;
import io.pbxops.operator.testing.Events;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.FleetManifests;
import io.pbxops.operator.testing.Installer;
import io.pbxops.operator.testing.NoWrites;
import io.pbxops.operator.testing.Secrets;
import io.pbxops.simulator.OxoSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycles of one PBX, against the simulated cloud and PBX over loopback. */
class PbxLifecycleTest {

    static final String ACME = FleetManifests.ACME;
    static final String ACME_OXE = FleetManifests.ACME_OXE;

    static final String FLEET_OXO = """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: acme-oxo}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXO
              type: OXOConnectEvolution
              activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1234.5678.90"}
              dialing: {country: FRA}
            """;

    static final String BTCO_OXO = """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: acme-btco}
            spec:
              companyRef: {name: acme}
              serverName: ACME-BTCO
              type: OXOConnect
              dialing: {country: FRA}
            """;

    private FleetHarness fleet;

    @BeforeEach
    void start() {
        fleet = FleetHarness.start();
        FleetManifests.addAcmeO2gHost(fleet.simulator());
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void omniPcxWithAManagedEndpointReachesRunning() {
        fleet.apply(ACME);
        fleet.apply(ACME_OXE);

        Company company = fleet.awaitReady(Company.class, "acme");
        assertNotNull(company.getStatus().getCompanyId());
        Pbx pbx = fleet.awaitReady(Pbx.class, "acme-oxe1");
        assertEquals(ConnectionState.Running, pbx.getStatus().getConnection());
        assertEquals("activated", pbx.getStatus().getCloudStatus());
        assertEquals(1, pbx.getStatus().getCompanies());
        assertEquals("True", condition(pbx, "Connected"));
        Map<String, String> activation = secret("acme-oxe1-activation");
        assertEquals(pbx.getStatus().getEquipmentId(), activation.get("equipmentId"));

        JsonNode system = fleet.cloud().system("ACME-OXE-1");
        assertEquals("activated", system.path("status").asText());
        assertEquals(
                company.getStatus().getSiteId(), system.path("siteId").get(0).asText());
        assertTrue(fleet.cloud().o2gRequests() > 0, "the activation was entered through O2G");
    }

    @Test
    void aFleetOxoReachesRunningWithoutAnyCallToThePbx() {
        NoWrites noO2gSession = fleet.noWrites().matching(route -> route.contains(" /api/rest"));
        fleet.simulator().control().addOxo(new OxoSpec("SN-FLEET-1", OxoSpec.Mode.STOCK, "ALE12-1234.5678.90"));
        fleet.apply(ACME);
        fleet.apply(FLEET_OXO);

        Pbx pbx = fleet.awaitReady(Pbx.class, "acme-oxo");
        assertEquals(ConnectionState.Running, pbx.getStatus().getConnection());
        assertNull(pbx.getStatus().getEquipmentId(), "a fleet equipment ID is also the activation code: not in status");
        JsonNode system = fleet.cloud().system("ACME-OXO");
        assertEquals("ALE12-1234.5678.90", system.path("pbxId").asText());
        noO2gSession.assertNone("a fleet OXO: nothing is configured on the PBX");
        assertEquals(0, fleet.cloud().o2gRequests(), "not even a read of a PBX");
    }

    @Test
    void aBuildToOrderOxoWaitsForTheInstallerThenRuns() {
        fleet.simulator().control().addOxo(new OxoSpec("SN-BTCO-1", OxoSpec.Mode.BTCO, null));
        fleet.apply(ACME);
        fleet.apply(BTCO_OXO);

        Pbx pending = fleet.awaitCondition(Pbx.class, "acme-btco", "Ready", "False", "AwaitingActivation");
        assertEquals(ConnectionState.Pending, pending.getStatus().getConnection());
        String guidance = readyMessage(pending);
        assertTrue(guidance.contains("Secret acme-btco-activation") && guidance.contains("OMC"), guidance);

        installerTypesTheCode("SN-BTCO-1", "acme-btco");
        Pbx running = fleet.awaitReady(Pbx.class, "acme-btco");
        assertEquals(ConnectionState.Running, running.getStatus().getConnection());
    }

    @Test
    void aNewResetTokenResetsOnceGivesANewCodeAndThePbxRunsAgain() {
        fleet.simulator().control().addOxo(new OxoSpec("SN-BTCO-2", OxoSpec.Mode.BTCO, null));
        fleet.apply(ACME);
        fleet.apply(BTCO_OXO);
        fleet.awaitCondition(Pbx.class, "acme-btco", "Ready", "False", "AwaitingActivation");
        installerTypesTheCode("SN-BTCO-2", "acme-btco");
        fleet.awaitReady(Pbx.class, "acme-btco");
        String firstCode = secret("acme-btco-activation").get("activationCode");

        fleet.edit(Pbx.class, "acme-btco", pbx -> {
            pbx.getSpec().setResetToken("2026-11-22.1");
            return pbx;
        });
        Pbx pending = fleet.awaitCondition(Pbx.class, "acme-btco", "Ready", "False", "AwaitingActivation");
        assertEquals("2026-11-22.1", pending.getStatus().getLastResetToken());
        assertNotNull(pending.getStatus().getLastResetTime());
        String newCode = secret("acme-btco-activation").get("activationCode");
        assertNotEquals(firstCode, newCode, "a reset gives a new activation code");
        assertEquals(
                1,
                fleet.cloud().requests("POST", "/systems/{systemId}/reset-password"),
                "one reset, not one per reconcile");

        installerTypesTheCode("SN-BTCO-2", "acme-btco");
        fleet.awaitReady(Pbx.class, "acme-btco");
        assertEquals(1, fleet.cloud().requests("POST", "/systems/{systemId}/reset-password"));
    }

    @Test
    void aManagedOmniPcxIsResetAndItsNewCodeEnteredOnThePbx() {
        fleet.apply(ACME);
        fleet.apply(ACME_OXE);
        fleet.awaitReady(Pbx.class, "acme-oxe1");
        String firstCode = secret("acme-oxe1-activation").get("activationCode");

        fleet.edit(Pbx.class, "acme-oxe1", pbx -> {
            pbx.getSpec().setResetToken("r1");
            return pbx;
        });
        fleet.awaitCondition(Pbx.class, "acme-oxe1", "Ready", "True", null);
        await().atMost(FleetHarness.CONVERGENCE)
                .untilAsserted(() -> assertEquals(
                        "r1", fleet.get(Pbx.class, "acme-oxe1").getStatus().getLastResetToken()));
        Pbx running = fleet.awaitReady(Pbx.class, "acme-oxe1");
        assertEquals(ConnectionState.Running, running.getStatus().getConnection());
        assertNotEquals(firstCode, secret("acme-oxe1-activation").get("activationCode"));
        assertEquals(1, fleet.cloud().requests("POST", "/systems/{systemId}/reset-password"));
        // One event per action: the cloud saw one reset, the PBX two activations (the first and after the reset).
        List<String> reasons = Events.reasons(fleet.client(), FleetHarness.NAMESPACE, "acme-oxe1");
        assertEquals(1, Collections.frequency(reasons, "Reset"), reasons.toString());
        assertEquals(2, Collections.frequency(reasons, "PbxConfigured"), reasons.toString());
        assertEquals(1, Collections.frequency(reasons, "ConnectionPending"), reasons.toString());
        assertEquals(2, Collections.frequency(reasons, "ConnectionRunning"), reasons.toString());
    }

    @Test
    void deletionResetsRemovesTheGatewaysThenTheEquipment() {
        fleet.apply(ACME);
        fleet.apply(ACME_OXE);
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: WebRtcGateway
                metadata: {name: acme-gw}
                spec: {pbxRef: {name: acme-oxe1}, type: External, address: 10.20.0.80, voiceChannels: 30}
                """);
        fleet.awaitReady(Pbx.class, "acme-oxe1");
        fleet.awaitReady(WebRtcGateway.class, "acme-gw");
        assertEquals(1, fleet.cloud().gateways().size());

        fleet.delete(Pbx.class, "acme-oxe1");
        fleet.awaitGone(Pbx.class, "acme-oxe1");

        assertTrue(fleet.cloud().systemsNamed("ACME-OXE-1").isEmpty(), "the equipment is removed");
        assertTrue(fleet.cloud().gateways().isEmpty(), "its gateway first");
        assertEquals(1, fleet.cloud().requests("POST", "/systems/{systemId}/reset-password"), "reset first");
        assertEquals(
                0,
                fleet.cloud().counts().stream().filter(c -> c.status() == 403).count(),
                "never refused (403030)");
        List<String> reasons = Events.reasons(fleet.client(), FleetHarness.NAMESPACE, "acme-oxe1");
        assertTrue(reasons.containsAll(List.of("Reset", "GatewayRemoved", "Deleted")), reasons.toString());
        assertNull(fleet.get(Secret.class, "acme-oxe1-activation"), "the activation Secret goes with it");
    }

    @Test
    void orphanLeavesTheEquipmentInTheCloud() {
        fleet.simulator().control().addOxo(new OxoSpec("SN-FLEET-2", OxoSpec.Mode.STOCK, "ALE12-1234.5678.90"));
        fleet.apply(ACME);
        fleet.apply(FLEET_OXO.replace("dialing: {country: FRA}", "dialing: {country: FRA}\n  deletionPolicy: Orphan"));
        fleet.awaitReady(Pbx.class, "acme-oxo");
        NoWrites noWrites = fleet.noWrites();
        fleet.delete(Pbx.class, "acme-oxo");
        fleet.awaitGone(Pbx.class, "acme-oxo");
        noWrites.assertNone("deleting a Pbx whose deletionPolicy is Orphan");
        assertEquals(1, fleet.cloud().systemsNamed("ACME-OXO").size());
    }

    private void installerTypesTheCode(String serial, String pbx) {
        Installer.typeTheCode(fleet.simulator(), serial, fleet.get(Secret.class, pbx + "-activation"));
    }

    private Map<String, String> secret(String name) {
        Secret secret = fleet.get(Secret.class, name);
        assertNotNull(secret, "Secret " + name);
        return Secrets.values(secret);
    }

    static String condition(Pbx pbx, String type) {
        return CurrentStatus.condition(pbx, type).orElseThrow().getStatus();
    }

    static String readyMessage(Pbx pbx) {
        return CurrentStatus.condition(pbx, "Ready").orElseThrow().getMessage();
    }
}
