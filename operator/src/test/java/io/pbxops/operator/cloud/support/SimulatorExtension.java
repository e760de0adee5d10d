package io.pbxops.operator.cloud.support;

import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.CloudRetrySettings;
import io.pbxops.operator.cloud.InMemoryCloudMetrics;
import io.pbxops.operator.cloud.RainbowClientConfig;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one simulator in-process on free loopback ports for a test class and empties it (state, faults, request
 * counts) before each test. Register with {@code @RegisterExtension static SimulatorExtension SIM = ...}.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final SimulatorConfig config;
    private Simulator simulator;
    private SimControl control;

    public SimulatorExtension() {
        this(SimulatorConfig.defaults());
    }

    public SimulatorExtension(SimulatorConfig config) {
        this.config = config.withCloudPort(0).withO2gPort(0).withSeed(42L);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = Simulator.start(config);
        control = new SimControl(simulator.cloudUrl());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        control.reset();
        control.clearFaults();
        control.clearRequests();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
        }
    }

    public SimulatorConfig config() {
        return config;
    }

    public URI cloudUrl() {
        return simulator.cloudUrl();
    }

    public URI o2gUrl() {
        return simulator.o2gUrl();
    }

    public SimControl control() {
        return control;
    }

    /** The account the simulator accepts. */
    public CloudCredentials credentials() {
        return CloudAccount.credentials(config);
    }

    /** Client settings for tests: short backoff so fault tests stay quick, counters in memory. */
    public RainbowClientConfig clientConfig(InMemoryCloudMetrics metrics) {
        return RainbowClientConfig.defaults(cloudUrl())
                .withMetrics(metrics)
                .withRetry(new CloudRetrySettings(
                        Duration.ofMillis(20), Duration.ofMillis(200), 0.2, 6, Duration.ofSeconds(20)))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
