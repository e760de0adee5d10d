package io.pbxops.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.Installer;
import io.pbxops.operator.testing.Samples;
import io.pbxops.operator.testing.Secrets;
import io.pbxops.simulator.CloudContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core scenarios against both clouds the simulator serves: the one with the project's extensions, and the one
 * that serves only what the public contract shows (no gateway administration, no x-pbxops settings kept). The
 * samples converge (gateways say UnsupportedByCloud where they are not served), a reset gives a new code, a share
 * is removed and made again, a setting changed out of band is set back, a minute of steady state writes nothing,
 * and deleting everything leaves the cloud empty.
 */
class CloudProfilesTest {

    private FleetHarness fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @ParameterizedTest
    @EnumSource(CloudContract.class)
    void theCoreScenariosHoldOnEitherCloud(CloudContract contract) throws Exception {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true).withContract(contract), s -> s);
        Samples.addTheirPbxs(fleet.simulator());
        for (Path file : Samples.files()) {
            fleet.apply(Samples.read(file));
        }
        fleet.awaitCondition(Pbx.class, "umbrella-oxo", "Ready", "False", "AwaitingActivation");
        Installer.typeTheCode(
                fleet.simulator(), Samples.BUILD_TO_ORDER_SERIAL, fleet.get(Secret.class, "umbrella-oxo-activation"));
        fleet.awaitEveryObjectReady(List.of(Company.class, NumberingPlan.class, Pbx.class, PbxShare.class));
        boolean gatewaysServed = contract == CloudContract.EXTENDED;
        for (String gateway : List.of("acme-oxe1-gw", "globex-oxo-evo-gw", "oxo90-gw")) {
            if (gatewaysServed) {
                fleet.awaitReady(WebRtcGateway.class, gateway);
            } else {
                fleet.awaitCondition(WebRtcGateway.class, gateway, "Ready", "False", "UnsupportedByCloud");
            }
        }
        assertEquals(gatewaysServed ? 4 : 0, fleet.cloud().gateways().size());

        // A reset: one call, a new code, Pending then Running again (the OmniPCX through its endpoint).
        String before = Secrets.value(fleet.get(Secret.class, "acme-oxe1-activation"), "activationCode");
        fleet.edit(Pbx.class, "acme-oxe1", pbx -> {
            pbx.getSpec().setResetToken("profiles-1");
            return pbx;
        });
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        "profiles-1",
                        fleet.get(Pbx.class, "acme-oxe1").getStatus().getLastResetToken()));
        fleet.awaitReady(Pbx.class, "acme-oxe1");
        assertNotEquals(before, Secrets.value(fleet.get(Secret.class, "acme-oxe1-activation"), "activationCode"));
        assertEquals(1, fleet.cloud().requests("POST", "/systems/{systemId}/reset-password"));

        // A share removed and made again.
        String initechSite = fleet.get(Company.class, "initech").getStatus().getSiteId();
        String shared = Files.readString(Samples.FOLDER.resolve("40-shares.yaml"));
        fleet.delete(PbxShare.class, "oxo90-initech");
        fleet.awaitGone(PbxShare.class, "oxo90-initech");
        assertFalse(fleet.cloud().siteIds("OXO90").contains(initechSite), "unlinked from Initech");
        fleet.apply(shared);
        fleet.awaitReady(PbxShare.class, "oxo90-initech");
        assertTrue(fleet.cloud().siteIds("OXO90").contains(initechSite), "linked to Initech again");

        // A documented setting changed out of band is set back by the drift check.
        fleet.awaitQuiet();
        fleet.runtime().drift().checkOnce();
        String systemId = fleet.get(Pbx.class, "globex-oxo-evo").getStatus().getSystemId();
        fleet.runtime()
                .rainbow()
                .systems()
                .update(systemId, SystemSettings.none().withPrefixes("9", null));
        assertTrue(fleet.runtime().drift().checkOnce() >= 1);
        await().atMost(FleetHarness.CONVERGENCE)
                .untilAsserted(() -> assertEquals(
                        "0",
                        fleet.cloud()
                                .system("GLOBEX-OXO-MUC")
                                .path("pbxNationalPrefix")
                                .asText()));

        // Steady: nothing more is written, whatever the cloud kept.
        fleet.awaitQuiet();
        fleet.noWrites().matching(route -> route.startsWith("PUT ")).assertNone("a steady fleet");

        for (Path file : Samples.files()) {
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
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.cloud().companiesNamed("Umbrella Santé").isEmpty());
    }
}
