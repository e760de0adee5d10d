package io.pbxops.operator.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.TestOperators;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas against one API server: one reconciles, the other takes over when it stops, nothing is done twice. */
class LeaderElectionTest {

    private static final OperatorSettings SETTINGS = TestOperators.quickSettings(Set.of(FleetHarness.NAMESPACE));

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
        // Watched past the operator's longest backoff: a standby that acted would have called by then.
        await("the standby makes no cloud call")
                .during(TestOperators.longestWait(SETTINGS).plusSeconds(1))
                .atMost(TestOperators.longestWait(SETTINGS).plusSeconds(3))
                .until(() -> standby.cloudMetrics().snapshot().isEmpty());

        leader.close();
        await().atMost(FleetHarness.CONVERGENCE).until(() -> standby.operator().isLeading());
        fleet.apply(company("initech", "Initech Ltd"));
        fleet.awaitReady(Company.class, "initech");

        assertEquals(2, fleet.cloud().requests("POST", "/companies"), "each company created once");
        assertEquals(2, fleet.cloud().companies().size());
        assertNotEquals(0, standby.cloudMetrics().snapshot().size(), "the new leader acts");
    }

    private OperatorRuntime replica(String identity) {
        OperatorSettings settings = SETTINGS.withLeaderElection(
                TestOperators.quickLeaderElection("pbx-operator", FleetHarness.NAMESPACE, identity));
        return TestOperators.runtime(
                fleet.client(),
                TestOperators.runtimeSettings(fleet.simulator().cloudUrl(), CloudBudget.defaults(), settings),
                CloudCredentialsSource.of(
                        CloudAccount.credentials(fleet.simulator().config())),
                fleet.simulator().o2gUrl());
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
