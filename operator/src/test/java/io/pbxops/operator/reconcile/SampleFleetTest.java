package io.pbxops.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.OxoRainbowSettings;
import io.pbxops.simulator.OxoSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample fleet of samples/, applied as a folder in any order, converged, then removed as a folder. */
class SampleFleetTest {

    private FleetHarness fleet;

    @BeforeEach
    void start() {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true), settings -> settings);
        // The PBXs the samples name: two OmniPCX behind O2G (with the placeholder credentials of the samples) and a
        // build-to-order OXO waiting for its installer.
        fleet.simulator()
                .control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.acme.example",
                        "o2g-admin",
                        "REPLACE-ME-acme-o2g",
                        List.of(new O2gHostSpec.Node("1", "oxe1.acme.example"))));
        fleet.simulator()
                .control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.initech.example",
                        "o2g-admin",
                        "REPLACE-ME-initech-o2g",
                        List.of(new O2gHostSpec.Node("7", "oxe.initech.example"))));
        fleet.simulator().control().addOxo(new OxoSpec("SN-UMBRELLA", OxoSpec.Mode.BTCO, null));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void theSamplesAppliedBackwardsConvergeAndLeaveTheCloudWhenDeleted() throws IOException {
        List<Path> files = sampleFiles();
        Collections.reverse(files);
        for (Path file : files) {
            fleet.apply(Files.readString(file));
        }

        Pbx umbrella = fleet.awaitCondition(
                Pbx.class, "umbrella-oxo", Conditions.READY, "False", Conditions.Ready.AWAITING_ACTIVATION);
        assertEquals(ConnectionState.Pending, umbrella.getStatus().getConnection());
        Secret activation = fleet.get(Secret.class, "umbrella-oxo-activation");
        fleet.simulator()
                .control()
                .installerStep(
                        "SN-UMBRELLA",
                        new OxoRainbowSettings(
                                true,
                                value(activation, "equipmentId"),
                                value(activation, "activationCode"),
                                "openrainbow.com"));

        for (Class<? extends CustomResource<?, ?>> kind :
                List.of(Company.class, NumberingPlan.class, Pbx.class, PbxShare.class)) {
            for (HasMetadata object : fleet.client()
                    .resources(kind)
                    .inNamespace(FleetHarness.NAMESPACE)
                    .list()
                    .getItems()) {
                awaitReady(kind, object.getMetadata().getName());
            }
        }
        for (String gateway : List.of("acme-oxe1-gw", "globex-oxo-evo-gw", "oxo90-gw")) {
            fleet.awaitReady(WebRtcGateway.class, gateway);
        }
        WebRtcGateway inMaintenance =
                fleet.awaitCondition(WebRtcGateway.class, "initech-oxe1-gw", Conditions.SYNCED, "True", null);
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
        for (Class<? extends CustomResource<?, ?>> kind :
                List.of(Company.class, NumberingPlan.class, Pbx.class, PbxShare.class, WebRtcGateway.class)) {
            await().atMost(FleetHarness.CONVERGENCE)
                    .untilAsserted(() -> assertTrue(
                            fleet.client()
                                    .resources(kind)
                                    .inNamespace(FleetHarness.NAMESPACE)
                                    .list()
                                    .getItems()
                                    .isEmpty(),
                            kind.getSimpleName()));
        }
        assertTrue(
                fleet.cloud().systems().isEmpty(),
                () -> "systems left: " + fleet.cloud().systems());
        assertTrue(fleet.cloud().gateways().isEmpty());
        assertTrue(
                fleet.cloud().companiesNamed("Umbrella Santé").isEmpty(), "deletionPolicy Delete removes the company");
        assertEquals(1, fleet.cloud().companiesNamed("ACME Industries").size(), "Orphan, the default, keeps it");
    }

    @SuppressWarnings("unchecked")
    private void awaitReady(Class<? extends CustomResource<?, ?>> kind, String name) {
        fleet.awaitReady((Class) kind, name);
    }

    private static String value(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../samples"))) {
            return new ArrayList<>(
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
        }
    }
}
