package io.pbxops.operator.cloud.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.CloudRetrySettings;
import io.pbxops.operator.cloud.InMemoryCloudMetrics;
import io.pbxops.operator.cloud.RainbowClientConfig;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        quietLogging();
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

    /**
     * Without a logback configuration on the test class path logback logs everything at DEBUG (Jetty included).
     * The module has no logback-test.xml yet and its test resources are shared, so the contract tests set their
     * levels here: WARN, and INFO for the project's own loggers.
     */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && System.getProperty("logback.configurationFile") == null) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logback.getLogger("io.pbxops").setLevel(Level.INFO);
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
        return new CloudCredentials(config.login(), config.password(), config.appId(), config.appSecret());
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
