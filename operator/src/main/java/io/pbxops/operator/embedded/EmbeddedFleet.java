package io.pbxops.operator.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.manifest.Manifest;
import io.pbxops.operator.manifest.ManifestException;
import io.pbxops.operator.manifest.ManifestReader;
import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.pbx.o2g.EndpointRouting;
import io.pbxops.operator.pbx.o2g.O2gClientConfig;
import io.pbxops.operator.pbx.o2g.O2gDriverOptions;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.runtime.RuntimeSettings;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import io.pbxops.simulator.SimulatorControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one process, as {@code up} runs it: the embedded API server (CRDs, discovery, admission), the
 * cloud and PBX simulators with a simulated PBX behind every Pbx, and the operator wired exactly as {@code run} wires
 * it, except that the cloud is the simulator (with its default account) and every O2G host is routed to the O2G
 * simulator. Closing stops everything in the reverse order and saves the state.
 */
public final class EmbeddedFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFleet.class);

    private final UpSettings settings;
    private final StartupTimeline timeline;
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedApiServer apiServer;
    private Simulator simulator;
    private SimulatedPbxs simulatedPbxs;
    private OperatorRuntime operator;
    private ClusterStateFile clusterState;
    private ManifestApplier.Result applied = new ManifestApplier.Result(0, List.of());
    private int restoredObjects;

    private EmbeddedFleet(UpSettings settings, StartupTimeline timeline) {
        this.settings = settings;
        this.timeline = timeline;
    }

    /**
     * Starts everything and applies the manifests.
     *
     * @throws ManifestException when a manifest cannot be read (nothing is left running then)
     */
    public static EmbeddedFleet start(UpSettings settings, StartupTimeline timeline) throws ManifestException {
        boolean restoring =
                settings.stateDir() != null && Files.exists(settings.stateDir().resolve(ClusterStateFile.NAME));
        // A restored cluster continues where it stopped; manifests are applied over it only when named explicitly.
        boolean applying = !restoring || settings.manifestsExplicit();
        List<Manifest> manifests = applying ? ManifestReader.read(settings.manifests()) : List.of();
        if (applying && manifests.isEmpty()) {
            throw new ManifestException(
                    settings.manifests().get(0),
                    0,
                    "holds no manifest (*.yaml, *.yml): nothing to run; "
                            + "start up from the repository's root (for samples/) or name your manifests with --manifests");
        }
        EmbeddedFleet fleet = new EmbeddedFleet(settings, timeline);
        try {
            fleet.startAll(manifests);
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    private void startAll(List<Manifest> manifests) {
        // Compiling the CRDs' schemas and CEL rules takes a second or two: done while the servers start, before the
        // first object is admitted.
        CompletableFuture<ObjectValidator> validator = CompletableFuture.supplyAsync(ObjectValidator::get);
        SimulatorConfig config = simulatorConfig();
        CompletableFuture<Simulator> simulatorStart = CompletableFuture.supplyAsync(() -> Simulator.start(config));
        try {
            apiServer = remember(EmbeddedApiServer.start(settings.apiPort()));
        } catch (RuntimeException e) {
            simulatorStart.thenAccept(Simulator::close);
            throw e;
        }
        timeline.mark(StartupTimeline.API_SERVER);
        simulator = remember(simulatorStart.join());
        simulatedPbxs = remember(new SimulatedPbxs(apiServer.client(), simulator.control()));
        simulatedPbxs.start();
        timeline.mark(StartupTimeline.SIMULATORS);
        validator.join();
        if (settings.stateDir() != null) {
            clusterState = remember(
                    new ClusterStateFile(settings.stateDir().resolve(ClusterStateFile.NAME), apiServer.client()));
            restoredObjects = clusterState.restore();
        }

        if (settings.operator()) {
            CloudCredentials account =
                    new CloudCredentials(config.login(), config.password(), config.appId(), config.appSecret());
            operator = remember(new OperatorRuntime(
                    apiServer.client(), runtimeSettings(), CloudCredentialsSource.of(account), Clock.systemUTC()));
            operator.start();
        }
        timeline.mark(StartupTimeline.OPERATOR);

        KubeconfigFile.write(settings.kubeconfig(), apiServer.url());
        new UpAddresses(
                        apiServer.url(),
                        simulator.cloudUrl(),
                        simulator.o2gUrl(),
                        ProcessHandle.current().pid())
                .write(settings.addressesFile());
        if (!manifests.isEmpty()) {
            applied = new ManifestApplier(apiServer.client()).apply(manifests);
        }
        timeline.mark(StartupTimeline.MANIFESTS);
        if (clusterState != null) {
            clusterState.saveEverySecond();
        }
        LOG.info(
                "up: API server {}, cloud {}, O2G {}, {} objects applied, {} restored",
                apiServer.url(),
                simulator.cloudUrl(),
                simulator.o2gUrl(),
                applied.applied(),
                restoredObjects);
    }

    private SimulatorConfig simulatorConfig() {
        return SimulatorConfig.defaults()
                .withCloudPort(settings.cloudPort())
                .withO2gPort(settings.o2gPort())
                .withActivationDelay(settings.activationDelay())
                .withAutoFleet(true)
                .withContract(settings.cloudContract())
                .withStateFile(
                        settings.stateDir() == null ? null : settings.stateDir().resolve("simulator.json"));
    }

    private RuntimeSettings runtimeSettings() {
        // As `run` builds them with its defaults, but for the drift interval and a short recheck of connecting PBXs
        // (the simulator is local), and without server-side apply, which the embedded API server lacks.
        OperatorSettings operatorSettings = OperatorSettings.defaults()
                .withDriftInterval(settings.driftInterval())
                .withPendingRecheck(settings.pendingRecheck())
                .withServerSideApply(false);
        return new RuntimeSettings(
                simulator.cloudUrl(),
                CloudBudget.of(8, 20, Duration.ofMinutes(2)),
                100,
                StandardDrivers.Options.defaults()
                        .withO2g(O2gDriverOptions.defaults()
                                .withClient(O2gClientConfig.defaults()
                                        .withRouting(EndpointRouting.forwardingTo(simulator.o2gUrl())))),
                operatorSettings);
    }

    private <T extends AutoCloseable> T remember(T component) {
        started.add(component);
        return component;
    }

    public KubernetesClient client() {
        return apiServer.client();
    }

    public EmbeddedApiServer apiServer() {
        return apiServer;
    }

    public Simulator simulator() {
        return simulator;
    }

    public SimulatorControl simulatorControl() {
        return simulator.control();
    }

    /** The operator; null when {@code up} runs without it ({@link UpSettings#operator()}). */
    public OperatorRuntime operator() {
        return operator;
    }

    public UpSettings settings() {
        return settings;
    }

    /** What applying the manifests at start gave (nothing applied when a saved cluster was restored instead). */
    public ManifestApplier.Result applied() {
        return applied;
    }

    public int restoredObjects() {
        return restoredObjects;
    }

    public Path kubeconfig() {
        return settings.kubeconfig();
    }

    /** Stops the operator first (no reconcile against a closing server), then the simulators, then the API server. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable component = started.get(i);
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
