package io.pbxops.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.InMemoryCloudMetrics;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.reconcile.PbxOperator;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.runtime.RuntimeSettings;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole system for a scenario test: the Kubernetes API (fabric8 mock server, CRUD mode, CRDs installed), the
 * cloud and PBX simulators over loopback HTTP, and the operator between them, exactly as {@code run} wires it except
 * that O2G hosts are routed to the simulator.
 */
public final class FleetHarness implements AutoCloseable {

    public static final String NAMESPACE = "fleet";
    public static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private final TestCluster cluster;
    private final Simulator simulator;
    private final AtomicReference<CloudCredentials> credentials;
    private OperatorRuntime runtime;
    private CloudBudget budget = CloudBudget.defaults();
    private String opsBind = "127.0.0.1";
    private int opsPort = -1;
    private final OperatorSettings settings;

    private FleetHarness(SimulatorConfig simulatorConfig, OperatorSettings settings) {
        this.cluster = TestCluster.start();
        this.simulator = Simulator.start(simulatorConfig);
        this.credentials = new AtomicReference<>(CloudAccount.credentials(simulatorConfig));
        this.settings = settings;
    }

    public static FleetHarness start() {
        return start(UnaryOperator.identity(), UnaryOperator.identity());
    }

    public static FleetHarness start(
            UnaryOperator<SimulatorConfig> simulator, UnaryOperator<OperatorSettings> operator) {
        return start(simulator, operator, true);
    }

    /** With {@code startOperator} false, the test starts it itself (after setting credentials, say). */
    public static FleetHarness start(
            UnaryOperator<SimulatorConfig> simulator, UnaryOperator<OperatorSettings> operator, boolean startOperator) {
        SimulatorConfig config = simulator.apply(SimulatorConfig.defaults()
                .withCloudPort(0)
                .withO2gPort(0)
                .withSeed(7L)
                .withActivationDelay(Duration.ofMillis(50))
                .withUpgradeDelay(Duration.ofMillis(200)));
        OperatorSettings settings = operator.apply(TestOperators.quickSettings(Set.of(NAMESPACE)));
        FleetHarness harness = new FleetHarness(config, settings);
        if (startOperator) {
            harness.startOperator();
        }
        return harness;
    }

    /** Starts (or restarts) the operator process: a new cloud client, new caches, nothing remembered. */
    public void startOperator() {
        RuntimeSettings runtimeSettings = TestOperators.runtimeSettings(simulator.cloudUrl(), budget, settings)
                .withOps(opsBind, opsPort);
        runtime = TestOperators.runtime(cluster.client(), runtimeSettings, credentials::get, simulator.o2gUrl());
        runtime.start();
    }

    public void stopOperator() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    public OperatorRuntime runtime() {
        return runtime;
    }

    public KubernetesClient client() {
        return cluster.client();
    }

    public Simulator simulator() {
        return simulator;
    }

    public PbxOperator operator() {
        return runtime.operator();
    }

    public CloudState cloud() {
        return new CloudState(simulator);
    }

    public InMemoryCloudMetrics metrics() {
        return runtime.cloudMetrics();
    }

    /** Serve the health and metrics endpoints from the next {@link #startOperator()} (port 0: a free one). */
    public void setOps(String bind, int port) {
        opsBind = bind;
        opsPort = port;
    }

    /** The cloud request budget of the next {@link #startOperator()}. */
    public void setBudget(CloudBudget value) {
        budget = value;
    }

    public void setCloudCredentials(CloudCredentials value) {
        credentials.set(value);
    }

    /** Applies multi-document YAML to the test namespace. */
    public List<HasMetadata> apply(String yaml) {
        List<HasMetadata> objects = client().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .items();
        for (HasMetadata object : objects) {
            object.getMetadata().setNamespace(NAMESPACE);
            client().resource(object).inNamespace(NAMESPACE).createOr(op -> op.update());
        }
        return objects;
    }

    public void delete(Class<? extends HasMetadata> kind, String name) {
        client().resources(kind).inNamespace(NAMESPACE).withName(name).delete();
    }

    /** Waits until the object is gone from the cluster (its finalizer done). */
    public void awaitGone(Class<? extends HasMetadata> kind, String name) {
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(100)).until(() -> get(kind, name) == null);
    }

    public <R extends HasMetadata> R edit(Class<R> kind, String name, UnaryOperator<R> change) {
        return client().resources(kind).inNamespace(NAMESPACE).withName(name).edit(change);
    }

    public <R extends HasMetadata> R get(Class<R> kind, String name) {
        return client().resources(kind).inNamespace(NAMESPACE).withName(name).get();
    }

    /**
     * Waits until the object's status, written for its current generation (see {@link CurrentStatus}), has that
     * condition; {@code reason} null accepts any.
     */
    public <R extends CustomResource<?, ? extends PbxOpsStatus>> R awaitCondition(
            Class<R> kind, String name, String type, String status, String reason) {
        AtomicReference<R> seen = new AtomicReference<>();
        try {
            await().atMost(CONVERGENCE)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> {
                        R object = get(kind, name);
                        seen.set(object);
                        return CurrentStatus.has(object, type, status, reason);
                    });
        } catch (ConditionTimeoutException e) {
            R last = seen.get();
            throw new AssertionError(
                    kind.getSimpleName() + "/" + name + " never had " + type + "=" + status
                            + (reason == null ? "" : " (" + reason + ")") + " for its current generation; last seen: "
                            + (last == null ? "nothing" : CurrentStatus.describe(last, last.getStatus())),
                    e);
        }
        return seen.get();
    }

    /** Waits until every object of these kinds in the namespace is Ready for its current generation. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void awaitEveryObjectReady(List<Class<? extends CustomResource<?, ?>>> kinds) {
        for (Class<? extends CustomResource<?, ?>> kind : kinds) {
            for (HasMetadata object :
                    client().resources(kind).inNamespace(NAMESPACE).list().getItems()) {
                awaitReady((Class) kind, object.getMetadata().getName());
            }
        }
    }

    /** Waits until no object of these kinds is left in the namespace (their finalizers done). */
    public void awaitNoObjectLeft(List<Class<? extends CustomResource<?, ?>>> kinds) {
        for (Class<? extends CustomResource<?, ?>> kind : kinds) {
            try {
                await().atMost(CONVERGENCE)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> client().resources(kind)
                                .inNamespace(NAMESPACE)
                                .list()
                                .getItems()
                                .isEmpty());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(
                        kind.getSimpleName() + " objects left: "
                                + client().resources(kind).inNamespace(NAMESPACE).list().getItems().stream()
                                        .map(o -> o.getMetadata().getName())
                                        .toList(),
                        e);
            }
        }
    }

    /** Waits until the cloud has received no request for a while: everything in flight has settled. */
    public void awaitQuiet() {
        AtomicReference<Long> last = new AtomicReference<>(-1L);
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(400)).until(() -> {
            long now = cloud().adminRequests();
            return last.getAndSet(now) == now;
        });
    }

    /**
     * Starts the check that nothing is written from now on (see {@link NoWrites}), watching a second longer than the
     * operator's longest backoff or recheck.
     */
    public NoWrites noWrites() {
        return NoWrites.from(simulator, TestOperators.longestWait(settings).plus(Duration.ofSeconds(1)));
    }

    public <R extends CustomResource<?, ? extends PbxOpsStatus>> R awaitReady(Class<R> kind, String name) {
        return awaitCondition(kind, name, "Ready", "True", null);
    }

    /** The Kubernetes API server (for a test that runs operator instances of its own, or reads the requests). */
    public TestCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        stopOperator();
        simulator.close();
        cluster.close();
    }
}
