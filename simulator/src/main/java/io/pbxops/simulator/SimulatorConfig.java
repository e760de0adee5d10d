package io.pbxops.simulator;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a simulator: one component per command-line flag (see {@link SimulatorMain}), plus a clock for tests.
 * Use {@link #defaults()} and the {@code withX} copies.
 *
 * @param cloudPort          the cloud admin API and the {@code /sim/v1} control API; 0 picks a free port
 * @param o2gPort            the O2G management API of the simulated OmniPCX Enterprise nodes; 0 picks a free port
 * @param bind               the address both servers listen on
 * @param login              the cloud account (a bp_admin of the BP company that exists from the start)
 * @param password           its password
 * @param appId              the application id checked in {@code x-rainbow-app-auth}
 * @param appSecret          the application secret checked in {@code x-rainbow-app-auth}
 * @param o2gLogin           the admin login of the {@code default} O2G host
 * @param o2gPassword        its password
 * @param latency            added to every cloud API answer at start (fault, changeable at run time)
 * @param errorRate          share of cloud API requests answered 500/502/503 at start (fault)
 * @param rateLimit          cloud API requests per second above which 429 is answered; 0 = unlimited (fault)
 * @param dropAfterWriteRate  share of cloud API writes done, then left with no answer (connection closed) at start (fault)
 * @param errorAfterWriteRate share of cloud API writes done, then answered 500/502/503 at start (fault)
 * @param seed               seeds every generated id, code and fault draw
 * @param stateFile          loaded at start and saved when changed and on close; null = memory only
 * @param activationDelay    each step of a PBX activation ({@code created → activating → activated})
 * @param upgradeDelay       how long a WebRTC gateway software upgrade takes
 * @param tokenTtl           lifetime of a cloud token
 * @param autoFleet          stand up a stock OXO agent for every system created as a fleet declaration
 * @param autoO2g            an unknown {@code X-Forwarded-Host} becomes a new O2G host with the default credentials
 * @param oxeNames           names of the OXE Rainbow objects and attributes (placeholders, not vendor names)
 * @param contract           which cloud admin API is served: the documented one only, or with the project's extensions
 * @param clock              the time of tokens, lockouts, sessions and dates (not of delays, which are real time)
 */
public record SimulatorConfig(
        int cloudPort,
        int o2gPort,
        String bind,
        String login,
        String password,
        String appId,
        String appSecret,
        String o2gLogin,
        String o2gPassword,
        Duration latency,
        double errorRate,
        int rateLimit,
        double dropAfterWriteRate,
        double errorAfterWriteRate,
        long seed,
        Path stateFile,
        Duration activationDelay,
        Duration upgradeDelay,
        Duration tokenTtl,
        boolean autoFleet,
        boolean autoO2g,
        OxeNames oxeNames,
        CloudContract contract,
        Clock clock) {

    public SimulatorConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(o2gLogin, "o2gLogin");
        Objects.requireNonNull(o2gPassword, "o2gPassword");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(activationDelay, "activationDelay");
        Objects.requireNonNull(upgradeDelay, "upgradeDelay");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(oxeNames, "oxeNames");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(clock, "clock");
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be within 0..1");
        }
        if (dropAfterWriteRate < 0 || dropAfterWriteRate > 1) {
            throw new IllegalArgumentException("dropAfterWriteRate must be within 0..1");
        }
        if (errorAfterWriteRate < 0 || errorAfterWriteRate > 1) {
            throw new IllegalArgumentException("errorAfterWriteRate must be within 0..1");
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException("rateLimit must be 0 (unlimited) or more");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive");
        }
    }

    /** The command line's defaults, with a random seed. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                18080,
                18443,
                "127.0.0.1",
                "admin@pbxops.test",
                "pbxops-admin",
                "pbxops",
                "pbxops-secret",
                "admin",
                "pbxops-o2g",
                Duration.ZERO,
                0.0,
                0,
                0.0,
                0.0,
                new SecureRandom().nextLong(),
                null,
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(7200),
                false,
                false,
                OxeNames.defaults(),
                CloudContract.EXTENDED,
                Clock.systemUTC());
    }

    public SimulatorConfig withCloudPort(int value) {
        return new SimulatorConfig(
                value,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withO2gPort(int value) {
        return new SimulatorConfig(
                cloudPort,
                value,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withBind(String value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                value,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withLogin(String value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                value,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withPassword(String value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                value,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withAppId(String value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                value,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withAppSecret(String value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                value,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withO2gLogin(String value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                value,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withO2gPassword(String value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                value,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withLatency(Duration value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                value,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withErrorRate(double value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                value,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withRateLimit(int value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                value,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withDropAfterWriteRate(double value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                value,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withErrorAfterWriteRate(double value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                value,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withSeed(long value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                value,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withStateFile(Path value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                value,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withActivationDelay(Duration value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                value,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withUpgradeDelay(Duration value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                value,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withTokenTtl(Duration value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                value,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withAutoFleet(boolean value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                value,
                autoO2g,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withAutoO2g(boolean value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                value,
                oxeNames,
                contract,
                clock);
    }

    public SimulatorConfig withOxeNames(OxeNames value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                value,
                contract,
                clock);
    }

    public SimulatorConfig withContract(CloudContract value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                value,
                clock);
    }

    public SimulatorConfig withClock(Clock value) {
        return new SimulatorConfig(
                cloudPort,
                o2gPort,
                bind,
                login,
                password,
                appId,
                appSecret,
                o2gLogin,
                o2gPassword,
                latency,
                errorRate,
                rateLimit,
                dropAfterWriteRate,
                errorAfterWriteRate,
                seed,
                stateFile,
                activationDelay,
                upgradeDelay,
                tokenTtl,
                autoFleet,
                autoO2g,
                oxeNames,
                contract,
                value);
    }

    @Override
    public String toString() {
        // Keeps the password and the application secret out of any log line that prints a configuration.
        return "SimulatorConfig[cloudPort=" + cloudPort + ", o2gPort=" + o2gPort + ", bind=" + bind + ", login=" + login
                + ", appId=" + appId + ", o2gLogin=" + o2gLogin + ", latency=" + latency + ", errorRate=" + errorRate
                + ", rateLimit=" + rateLimit + ", dropAfterWriteRate=" + dropAfterWriteRate
                + ", errorAfterWriteRate=" + errorAfterWriteRate + ", seed=" + seed + ", stateFile=" + stateFile
                + ", activationDelay=" + activationDelay + ", upgradeDelay=" + upgradeDelay + ", tokenTtl=" + tokenTtl
                + ", autoFleet=" + autoFleet + ", autoO2g=" + autoO2g + ", oxeNames=" + oxeNames + ", contract="
                + contract
                + "]";
    }
}
