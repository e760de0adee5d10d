package io.pbxops.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.CloudMetrics;
import io.pbxops.operator.cloud.InMemoryCloudMetrics;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.RainbowClientConfig;
import io.pbxops.operator.cloud.RainbowCloudPort;
import io.pbxops.operator.pbx.o2g.O2gClientConfig;
import io.pbxops.operator.pbx.oxe.O2gPbxEndpoints;
import io.pbxops.operator.reconcile.PbxOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The operator process as {@code run} and {@code up} compose it: one cloud client (one budget) for the account, the
 * PBX endpoint drivers, the reconcilers, the drift check and the credentials watch. {@code up} differs only in what
 * it hands in (the embedded API server's client, the simulators' URL, an O2G routing to the simulator).
 */
public final class OperatorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);

    private final RuntimeSettings settings;
    private final RainbowClient rainbow;
    private final O2gPbxEndpoints endpoints;
    private final PbxOperator operator;
    private final DriftDetector drift;
    private final CredentialsWatch credentialsWatch;
    private final InMemoryCloudMetrics cloudMetrics;

    public OperatorRuntime(KubernetesClient client, RuntimeSettings settings, CloudCredentialsSource credentials,
                           O2gClientConfig o2gConfig, Clock clock) {
        this.settings = settings;
        this.cloudMetrics = new InMemoryCloudMetrics();
        CloudMetrics metrics = cloudMetrics;
        this.rainbow = RainbowClient.create(RainbowClientConfig.defaults(settings.cloudUrl())
                .withBudget(settings.budget())
                .withMetrics(metrics)
                .withClock(clock), credentials);
        this.endpoints = new O2gPbxEndpoints(o2gConfig.withClock(clock), settings.o2gNames());
        RainbowCloudPort cloud = new RainbowCloudPort(rainbow, settings.pageSize());
        this.operator = new PbxOperator(client, settings.operator(), clock, cloud, endpoints);
        this.drift = new DriftDetector(cloud, operator, client, settings.operator());
        this.credentialsWatch = new CredentialsWatch(credentials, rainbow, operator, client, settings.operator());
    }

    public void start() {
        operator.start();
        drift.start();
        credentialsWatch.start();
        LOG.info("reconciling {} against the cloud at {} (drift check every {})",
                settings.operator().namespaces().isEmpty() ? "all namespaces" : "namespaces " + settings.operator().namespaces(),
                settings.cloudUrl(), settings.operator().driftInterval());
    }

    public PbxOperator operator() {
        return operator;
    }

    public DriftDetector drift() {
        return drift;
    }

    public InMemoryCloudMetrics cloudMetrics() {
        return cloudMetrics;
    }

    public RainbowClient rainbow() {
        return rainbow;
    }

    @Override
    public void close() {
        credentialsWatch.close();
        drift.close();
        operator.close();
        endpoints.close();
        rainbow.close();
    }
}
