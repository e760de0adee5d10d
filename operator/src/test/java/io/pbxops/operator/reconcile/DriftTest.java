package io.pbxops.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.testing.Events;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.FleetManifests;
import io.pbxops.operator.testing.NoWrites;
import io.pbxops.simulator.Channel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Out-of-band changes in the cloud, found by the periodic drift check (run here on demand) and corrected; a steady
 * fleet costs list calls only.
 */
class DriftTest {

    static final String FLEET = FleetManifests.COMPANIES + "---\n" + """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: globex-oxo}
            spec:
              companyRef: {name: globex}
              serverName: GLOBEX-OXO
              type: OXOConnectEvolution
              activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1234.5678.90"}
              dialing: {country: DEU, nationalPrefix: "0", internationalPrefix: "00"}
              webRtc: {enabled: true, licenseAccepted: true}
            ---
            apiVersion: pbxops.io/v1alpha1
            kind: WebRtcGateway
            metadata: {name: globex-gw}
            spec: {pbxRef: {name: globex-oxo}, type: Internal}
            ---
            """ + FleetManifests.SHARED_OXO + "---\n"
            + FleetManifests.SHARE_INITECH;

    private FleetHarness fleet;
    private RainbowClient outOfBand;

    @BeforeEach
    void converge() {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true), settings -> settings);
        fleet.apply(FLEET);
        fleet.awaitReady(Company.class, "globex");
        fleet.awaitReady(Company.class, "initech");
        fleet.awaitReady(Pbx.class, "globex-oxo");
        fleet.awaitReady(Pbx.class, "oxo90");
        fleet.awaitReady(PbxShare.class, "oxo90-initech");
        fleet.awaitReady(WebRtcGateway.class, "globex-gw");
        outOfBand = fleet.runtime().rainbow();
        fleet.awaitQuiet();
        // A first pass learns the connection of every system.
        assertEquals(0, fleet.runtime().drift().checkOnce(), "nothing drifted yet");
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void aSteadyFleetCostsOneListCallPerKindAndNoWrite() {
        fleet.simulator().control().clearRequestCounts();
        NoWrites noWrites = fleet.noWrites();
        assertEquals(0, fleet.runtime().drift().checkOnce());
        noWrites.assertNone("a drift check of a steady fleet");
        assertEquals(
                4,
                fleet.cloud().adminRequests(),
                () -> "one page each of companies, sites, systems, gateways: "
                        + fleet.cloud().counts());
        assertEquals(
                List.of("GET"),
                fleet.cloud().counts().stream().map(c -> c.method()).distinct().toList());
    }

    @Test
    void aCompanyRenamedInTheCloudIsRenamedBack() {
        String id = fleet.get(Company.class, "globex").getStatus().getCompanyId();
        outOfBand.companies().update(id, CompanySettings.named("Globex (renamed by hand)"));
        assertEquals(1, fleet.runtime().drift().checkOnce());
        await().atMost(FleetHarness.CONVERGENCE)
                .untilAsserted(() -> assertEquals(
                        1, fleet.cloud().companiesNamed("Globex GmbH").size()));
        assertTrue(
                Events.reasons(fleet.client(), FleetHarness.NAMESPACE, "globex").contains("DriftDetected"));
    }

    @Test
    void aChangedPbxSettingIsSetBack() {
        String id = fleet.get(Pbx.class, "globex-oxo").getStatus().getSystemId();
        outOfBand.systems().update(id, SystemSettings.none().withPrefixes("9", null));
        assertEquals(1, fleet.runtime().drift().checkOnce());
        await().atMost(FleetHarness.CONVERGENCE)
                .untilAsserted(() -> assertEquals(
                        "0",
                        fleet.cloud()
                                .system("GLOBEX-OXO")
                                .path("pbxNationalPrefix")
                                .asText()));
    }

    @Test
    void anUnlinkedShareIsLinkedAgain() {
        String systemId = fleet.get(Pbx.class, "oxo90").getStatus().getSystemId();
        String siteId = fleet.get(Company.class, "initech").getStatus().getSiteId();
        outOfBand.systems().unlink(siteId, systemId);
        assertEquals(1, fleet.runtime().drift().checkOnce(), "the share's link: not its shared Pbx, whose it is not");
        await().atMost(FleetHarness.CONVERGENCE)
                .untilAsserted(() -> assertTrue(fleet.cloud().siteIds("OXO90").contains(siteId)));
        assertFalse(
                Events.reasons(fleet.client(), FleetHarness.NAMESPACE, "oxo90").contains("DriftDetected"));
    }

    @Test
    void aDeletedSystemIsDeclaredAgainAndReconnects() {
        String before = fleet.get(Pbx.class, "oxo90").getStatus().getSystemId();
        outOfBand.systems().delete(before);
        assertTrue(fleet.runtime().drift().checkOnce() >= 1);
        await().atMost(FleetHarness.CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            Pbx pbx = fleet.get(Pbx.class, "oxo90");
            assertNotEquals(before, pbx.getStatus().getSystemId());
            assertEquals(ConnectionState.Running, pbx.getStatus().getConnection());
        });
        assertEquals(1, fleet.cloud().systemsNamed("OXO90").size());
    }

    @Test
    void aGatewayPutInMaintenanceByHandIsPutBack() {
        JsonNode gateway = fleet.cloud().gateways().get(0);
        outOfBand
                .mediaPillars()
                .update(gateway.path("id").asText(), MediaPillarSettings.none().withMaintenance(true));
        assertEquals(1, fleet.runtime().drift().checkOnce());
        await().atMost(FleetHarness.CONVERGENCE)
                .untilAsserted(() -> assertFalse(
                        fleet.cloud().gateways().get(0).path("maintenance").asBoolean()));
    }

    @Test
    void aChannelGoingDownShowsDegradedThenRunning() {
        String id = fleet.get(Pbx.class, "globex-oxo").getStatus().getSystemId();
        fleet.simulator().control().setChannel(id, Channel.CSTA, false);
        assertEquals(1, fleet.runtime().drift().checkOnce());
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        ConnectionState.Degraded,
                        fleet.get(Pbx.class, "globex-oxo").getStatus().getConnection()));
        fleet.simulator().control().setChannel(id, Channel.CSTA, true);
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        ConnectionState.Running,
                        fleet.get(Pbx.class, "globex-oxo").getStatus().getConnection()));
        fleet.runtime().drift().checkOnce();
        List<String> reasons = Events.reasons(fleet.client(), FleetHarness.NAMESPACE, "globex-oxo");
        assertFalse(
                reasons.contains("DriftDetected"),
                "a channel that drops and comes back is the PBX's doing, not a change out of band: " + reasons);
        assertTrue(reasons.contains("ConnectionDegraded") && reasons.contains("ConnectionRunning"), reasons.toString());
    }
}
