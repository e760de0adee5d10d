package io.pbxops.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.Installer;
import io.pbxops.operator.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample fleet of samples/, applied as a folder in any order, converged, then removed as a folder. */
class SampleFleetTest {

    private FleetHarness fleet;

    @BeforeEach
    void start() {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true), settings -> settings);
        Samples.addTheirPbxs(fleet.simulator());
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void theSamplesAppliedBackwardsConvergeAndLeaveTheCloudWhenDeleted() throws IOException {
        List<Path> files = new ArrayList<>(Samples.files());
        Collections.reverse(files);
        for (Path file : files) {
            fleet.apply(Samples.read(file));
        }

        Pbx umbrella = fleet.awaitCondition(Pbx.class, "umbrella-oxo", "Ready", "False", "AwaitingActivation");
        assertEquals(ConnectionState.Pending, umbrella.getStatus().getConnection());
        Installer.typeTheCode(
                fleet.simulator(), Samples.BUILD_TO_ORDER_SERIAL, fleet.get(Secret.class, "umbrella-oxo-activation"));

        fleet.awaitEveryObjectReady(List.of(Company.class, NumberingPlan.class, Pbx.class, PbxShare.class));
        for (String gateway : List.of("acme-oxe1-gw", "globex-oxo-evo-gw", "oxo90-gw")) {
            fleet.awaitReady(WebRtcGateway.class, gateway);
        }
        WebRtcGateway inMaintenance =
                fleet.awaitCondition(WebRtcGateway.class, "initech-oxe1-gw", "Synced", "True", null);
        assertEquals("Maintenance", inMaintenance.getStatus().getState().name());
        assertEquals(5, fleet.cloud().systems().size());
        assertEquals(4, fleet.cloud().gateways().size());
        // The Pbx counts its companies once it sees its shares linked.
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        2, fleet.get(Pbx.class, "oxo90").getStatus().getCompanies()));

        for (Path file : files) {
            fleet.client()
                    .load(Files.newInputStream(file))
                    .inNamespace(FleetHarness.NAMESPACE)
                    .delete();
        }
        fleet.awaitNoObjectLeft(
                List.of(Company.class, NumberingPlan.class, Pbx.class, PbxShare.class, WebRtcGateway.class));
        assertTrue(
                fleet.cloud().systems().isEmpty(),
                () -> "systems left: " + fleet.cloud().systems());
        assertTrue(fleet.cloud().gateways().isEmpty());
        assertTrue(
                fleet.cloud().companiesNamed("Umbrella Santé").isEmpty(), "deletionPolicy Delete removes the company");
        assertEquals(1, fleet.cloud().companiesNamed("ACME Industries").size(), "Orphan, the default, keeps it");
    }
}
