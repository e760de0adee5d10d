package io.pbxops.operator.chart;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.OperatorException;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.Ports;
import io.pbxops.operator.testing.TestCluster;
import io.pbxops.operator.testing.TestOperators;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * java-operator-sdk asks the API server what it may do on Leases (a SelfSubjectRulesReview in the Lease's namespace)
 * before leader election, and refuses to start without create, update and get. Here the test API server answers
 * with the rules the chart grants in the release namespace, as a real one would for the chart's ServiceAccount: the
 * operator starts and leads; without the one rule the scenario never uses (update) it would not start at all.
 */
class LeaseAccessTest {

    private TestCluster cluster;
    private KubernetesClient client;
    private OperatorRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void withTheChartsRulesTheOperatorStartsLeaderElectionAndLeads() {
        RenderedChart chart = RenderedChart.render();
        startServerAnswering(rulesInReleaseNamespace(chart, permission -> true));

        runtime = operator(chart);
        runtime.start();

        await().atMost(FleetHarness.CONVERGENCE).until(() -> runtime.operator().isLeading());
        Lease lease = client.leases()
                .inNamespace(RenderedChart.NAMESPACE)
                .withName(leaseName(chart))
                .get();
        assertEquals("pbx-operator-0", lease.getSpec().getHolderIdentity());
    }

    @Test
    void withoutUpdateOnLeasesTheOperatorWouldNotStart() {
        RenderedChart chart = RenderedChart.render();
        startServerAnswering(rulesInReleaseNamespace(
                chart,
                permission -> !permission.verb().equals("update")
                        || !permission.resource().equals("leases")));

        runtime = operator(chart);
        OperatorException refused = assertThrows(OperatorException.class, runtime::start);
        assertTrue(messages(refused).contains("No permission to lease resource"), messages(refused));
    }

    private static String messages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** The Lease's name as the Deployment passes it (--leader-election-lease). */
    private static String leaseName(RenderedChart chart) {
        return chart.operatorContainer().getArgs().stream()
                .filter(a -> a.startsWith("--leader-election-lease="))
                .map(a -> a.substring(a.indexOf('=') + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Deployment names no Lease"));
    }

    /** What a SelfSubjectRulesReview in the release namespace answers for the chart's ServiceAccount. */
    private static List<ResourceRule> rulesInReleaseNamespace(
            RenderedChart chart, Predicate<ChartRbac.Permission> keep) {
        return chart.rbac().inScopes(Set.of(RenderedChart.NAMESPACE)).permissions().stream()
                .filter(keep)
                .map(p -> new ResourceRuleBuilder()
                        .withApiGroups(p.apiGroup())
                        .withResources(p.resource())
                        .withVerbs(p.verb())
                        .withResourceNames(p.resourceNames())
                        .build())
                .toList();
    }

    private void startServerAnswering(List<ResourceRule> rules) {
        cluster = TestCluster.start(rules);
        client = cluster.client();
    }

    /** The operator as the chart's Deployment configures leader election (no cloud is needed: nothing to reconcile). */
    private OperatorRuntime operator(RenderedChart chart) {
        OperatorSettings settings = OperatorSettings.defaults()
                .withServerSideApply(false)
                .withLeaderElection(
                        TestOperators.quickLeaderElection(leaseName(chart), RenderedChart.NAMESPACE, "pbx-operator-0"));
        return TestOperators.runtime(
                client,
                TestOperators.runtimeSettings(Ports.closed(), CloudBudget.defaults(), settings),
                CloudCredentialsSource.of(new CloudCredentials("login", "password", "app", "app-secret")),
                null);
    }
}
