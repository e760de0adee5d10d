package io.pbxops.operator.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.reconcile.LeaderElection;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.simulator.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas against one API server: one reconciles, the other takes over when it stops, nothing is done twice. */
class LeaderElectionTest {

    private FleetHarness fleet;
    private OperatorRuntime first;
    private OperatorRuntime second;

    @BeforeEach
    void start() {
        fleet = FleetHarness.start(simulator -> simulator, settings -> settings, false);
        first = replica("replica-a");
        second = replica("replica-b");
        first.start();
        second.start();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        fleet.close();
    }

    @Test
    void oneReplicaActsThenTheOtherTakesOverWithoutDuplicates() {
        await().atMost(FleetHarness.CONVERGENCE)
                .until(() -> first.operator().isLeading() || second.operator().isLeading());
        OperatorRuntime leader = first.operator().isLeading() ? first : second;
        OperatorRuntime standby = leader == first ? second : first;
        assertEquals(false, standby.operator().isLeading(), "never two leaders");
        assertEquals(
                true,
                standby.ready().ok(),
                "a standby replica is ready: " + standby.ready().detail());

        fleet.apply(company("globex", "Globex GmbH"));
        fleet.awaitReady(Company.class, "globex");
        assertEquals(0, standby.cloudMetrics().snapshot().size(), "the standby made no cloud call");

        leader.close();
        await().atMost(FleetHarness.CONVERGENCE).until(() -> standby.operator().isLeading());
        fleet.apply(company("initech", "Initech Ltd"));
        fleet.awaitReady(Company.class, "initech");

        assertEquals(2, fleet.cloud().requests("POST", "/companies"), "each company created once");
        assertEquals(2, fleet.cloud().companies().size());
        assertNotEquals(0, standby.cloudMetrics().snapshot().size(), "the new leader acts");
    }

    private OperatorRuntime replica(String identity) {
        SimulatorConfig sim = fleet.simulator().config();
        OperatorSettings settings = OperatorSettings.defaults()
                .withNamespaces(Set.of(FleetHarness.NAMESPACE))
                .withServerSideApply(false)
                .withDriftInterval(Duration.ofHours(1))
                .withLeaderElection(new LeaderElection(
                        "pbx-operator",
                        FleetHarness.NAMESPACE,
                        identity,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(250),
                        false));
        return new OperatorRuntime(
                fleet.client(),
                new RuntimeSettings(
                        fleet.simulator().cloudUrl(),
                        CloudBudget.defaults(),
                        100,
                        StandardDrivers.Options.defaults(),
                        settings),
                CloudCredentialsSource.of(
                        new CloudCredentials(sim.login(), sim.password(), sim.appId(), sim.appSecret())),
                Clock.systemUTC());
    }

    private static String company(String name, String displayName) {
        return """
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata: {name: %s}
                spec: {displayName: %s, country: DEU}
                """.formatted(name, displayName);
    }
}
