package io.pbxops.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.reconcile.LeaderElection;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.runtime.RuntimeSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The operator exactly as {@code run} composes it, for tests: on a test API server and the simulators. */
public final class TestOperators {

    /** The page size of the cloud's lists, as {@code run} has it by default. */
    private static final int PAGE_SIZE = 100;

    private TestOperators() {}

    /**
     * Quick timings for scenario tests: retries after a failure from 200 ms up to 2 s, a connecting PBX looked at
     * again every 300 ms, no periodic drift check (tests run one on demand), and no server-side apply (the mock API
     * server lacks it).
     */
    public static OperatorSettings quickSettings(Set<String> namespaces) {
        return OperatorSettings.defaults()
                .withNamespaces(namespaces)
                .withDriftInterval(Duration.ofHours(1))
                .withServerSideApply(false)
                .withPendingRecheck(Duration.ofMillis(300))
                .withFailureBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    /**
     * The longest the operator waits before it looks at an object again (its longest failure backoff or its pending
     * recheck): a check that nothing was written must watch at least that long, or it would miss the retry.
     */
    public static Duration longestWait(OperatorSettings settings) {
        return settings.maxFailureBackoff().compareTo(settings.pendingRecheck()) >= 0
                ? settings.maxFailureBackoff()
                : settings.pendingRecheck();
    }

    /** Short lease times keep a hand-over quick; no exit when the lease is lost (it would stop the test JVM). */
    public static LeaderElection quickLeaderElection(String lease, String namespace, String identity) {
        return new LeaderElection(
                lease,
                namespace,
                identity,
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                Duration.ofMillis(250),
                false);
    }

    public static RuntimeSettings runtimeSettings(URI cloudUrl, CloudBudget budget, OperatorSettings operator) {
        return new RuntimeSettings(cloudUrl, budget, PAGE_SIZE, StandardDrivers.Options.defaults(), operator);
    }

    /** The runtime, not started; with {@code o2gUrl} non-null, every O2G endpoint is routed to that simulator. */
    public static OperatorRuntime runtime(
            KubernetesClient client, RuntimeSettings settings, CloudCredentialsSource credentials, URI o2gUrl) {
        RuntimeSettings routed = o2gUrl == null ? settings : settings.withDrivers(TestDrivers.routedTo(o2gUrl));
        return new OperatorRuntime(client, routed, credentials, Clock.systemUTC());
    }
}
