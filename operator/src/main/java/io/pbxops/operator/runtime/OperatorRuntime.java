package io.pbxops.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.pbxops.operator.cloud.CachedCloudPort;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.CloudMetrics;
import io.pbxops.operator.cloud.InMemoryCloudMetrics;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.RainbowClientConfig;
import io.pbxops.operator.cloud.RainbowCloudPort;
import io.pbxops.operator.pbx.PbxEndpointDrivers;
import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.reconcile.PbxOperator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator process as {@code run} and {@code up} compose it: one cloud client (one budget) for the account, the
 * PBX endpoint drivers, the reconcilers, the drift check and the credentials watch (on the leader only), metrics, and
 * the health endpoints. {@code up} differs only in what it hands in (the embedded API server's client, the
 * simulators' URL, an O2G routing to the simulator).
 */
public final class OperatorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);
    /** Readiness tolerates a cloud outage this long before it reports one (a blip must not flap the pod). */
    static final Duration CLOUD_OUTAGE_TOLERANCE = Duration.ofMinutes(5);

    private final RuntimeSettings settings;
    private final Clock clock;
    private final RainbowClient rainbow;
    private final CachedCloudPort cloud;
    private final ActivationWatch activations;
    private final PbxEndpointDrivers endpoints;
    private final PbxOperator operator;
    private final DriftDetector drift;
    private final CredentialsWatch credentialsWatch;
    private final InMemoryCloudMetrics cloudCounts = new InMemoryCloudMetrics();
    private final OperatorMetrics metrics;
    private final OperationsServer ops;
    private volatile boolean stopped;

    public OperatorRuntime(
            KubernetesClient client, RuntimeSettings settings, CloudCredentialsSource credentials, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = new OperatorMetrics(clock);
        this.rainbow = RainbowClient.create(
                RainbowClientConfig.defaults(settings.cloudUrl())
                        .withBudget(settings.budget())
                        .withMetrics(CloudMetrics.both(cloudCounts, metrics))
                        .withClock(clock),
                credentials);
        this.endpoints = StandardDrivers.create(settings.drivers().withClock(clock), metrics);
        this.cloud = new CachedCloudPort(new RainbowCloudPort(rainbow, settings.pageSize()), settings.pageSize());
        this.operator = new PbxOperator(
                client,
                settings.operator(),
                clock,
                cloud,
                endpoints,
                new PbxOperator.Instrumentation(
                        metrics,
                        MicrometerMetrics.newMicrometerMetricsBuilder(metrics.registry())
                                .notCollectingMetricsPerResource()
                                .build(),
                        this::startLeading,
                        this::stopLeading));
        metrics.leadership(operator::isLeading);
        this.drift = new DriftDetector(cloud, operator, client, settings.operator());
        this.activations = new ActivationWatch(
                cloud,
                operator,
                settings.operator().pendingRecheck(),
                settings.operator().driftInterval(),
                settings.budget());
        this.credentialsWatch = new CredentialsWatch(credentials, rainbow, operator, client, settings.operator());
        this.ops = settings.opsPort() < 0
                ? null
                : new OperationsServer(
                        settings.opsBind(), settings.opsPort(), this::live, this::ready, metrics::scrape);
    }

    public void start() {
        if (ops != null) {
            ops.start();
        }
        operator.capabilities().onChange(metrics::capability);
        operator.start();
        LOG.info(
                "reconciling {} against the cloud at {} (drift check every {})",
                settings.operator().namespaces().isEmpty()
                        ? "all namespaces"
                        : "namespaces " + settings.operator().namespaces(),
                settings.cloudUrl(),
                settings.operator().driftInterval());
    }

    private void startLeading() {
        // Only the leader calls the cloud: a standby replica learns the capabilities when it takes over.
        cloud.invalidate();
        operator.capabilities().probe(cloud);
        drift.start();
        activations.start();
        credentialsWatch.start();
    }

    private void stopLeading() {
        drift.pause();
        activations.pause();
        credentialsWatch.pause();
    }

    OperationsServer.Check live() {
        return stopped ? new OperationsServer.Check(false, "stopping") : new OperationsServer.Check(true, "running");
    }

    OperationsServer.Check ready() {
        if (stopped) {
            return new OperationsServer.Check(false, "stopping");
        }
        if (settings.operator().leaderElection() != null && !operator.isLeading()) {
            return new OperationsServer.Check(true, "standby: another replica holds the lease");
        }
        if (!operator.isStarted()) {
            return new OperationsServer.Check(false, "informers not synced yet");
        }
        Instant failingSince = metrics.cloudFailingSince();
        if (failingSince != null && failingSince.isBefore(clock.instant().minus(CLOUD_OUTAGE_TOLERANCE))) {
            return new OperationsServer.Check(false, "the cloud has not answered since " + failingSince);
        }
        return new OperationsServer.Check(true, "informers synced, cloud reachable");
    }

    public PbxOperator operator() {
        return operator;
    }

    public DriftDetector drift() {
        return drift;
    }

    /** Cloud requests counted by endpoint and outcome (also exported as metrics). */
    public InMemoryCloudMetrics cloudMetrics() {
        return cloudCounts;
    }

    public OperatorMetrics metrics() {
        return metrics;
    }

    /** The port of the health and metrics endpoints, or -1 when they are off. */
    public int opsPort() {
        return ops == null ? -1 : ops.port();
    }

    public RainbowClient rainbow() {
        return rainbow;
    }

    /** Stops: reconciles under way finish (within the shutdown timeout), then the clients close. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        credentialsWatch.close();
        activations.close();
        drift.close();
        operator.close();
        endpoints.close();
        rainbow.close();
        if (ops != null) {
            ops.close();
        }
        LOG.info("stopped");
    }
}
