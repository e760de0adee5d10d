package io.pbxops.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code java -jar pbx-simulator.jar}: runs the simulators until interrupted. */
@Command(
        name = "pbx-simulator",
        mixinStandardHelpOptions = true,
        version = "pbx-simulator 0.1.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Simulates the Rainbow cloud admin API (with the /sim/v1 control API) and the O2G management "
                + "API of OmniPCX Enterprise nodes, plus OXO Connect agents. See README.md and EXTENSIONS.md.")
public final class SimulatorMain implements Callable<Integer> {

    private static final SimulatorConfig DEFAULTS = SimulatorConfig.defaults();

    @Option(
            names = "--cloud-port",
            description = "Cloud admin API and /sim/v1 port; 0 = any free one (default ${DEFAULT-VALUE}).")
    int cloudPort = DEFAULTS.cloudPort();

    @Option(names = "--o2g-port", description = "O2G management API port; 0 = any free one (default ${DEFAULT-VALUE}).")
    int o2gPort = DEFAULTS.o2gPort();

    @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind = DEFAULTS.bind();

    @Option(names = "--login", description = "Cloud account login, a bp_admin (default ${DEFAULT-VALUE}).")
    String login = DEFAULTS.login();

    @Option(names = "--password", description = "Cloud account password (default ${DEFAULT-VALUE}).")
    String password = DEFAULTS.password();

    @Option(
            names = "--app-id",
            description = "Application id checked in x-rainbow-app-auth (default ${DEFAULT-VALUE}).")
    String appId = DEFAULTS.appId();

    @Option(
            names = "--app-secret",
            description = "Application secret checked in x-rainbow-app-auth (default ${DEFAULT-VALUE}).")
    String appSecret = DEFAULTS.appSecret();

    @Option(names = "--o2g-login", description = "Admin login of the 'default' O2G host (default ${DEFAULT-VALUE}).")
    String o2gLogin = DEFAULTS.o2gLogin();

    @Option(
            names = "--o2g-password",
            description = "Admin password of the 'default' O2G host (default ${DEFAULT-VALUE}).")
    String o2gPassword = DEFAULTS.o2gPassword();

    @Option(names = "--latency-ms", description = "Latency added to every cloud API answer (default ${DEFAULT-VALUE}).")
    long latencyMs = DEFAULTS.latency().toMillis();

    @Option(
            names = "--error-rate",
            description = "Share 0..1 of cloud API requests answered 500/502/503 (default ${DEFAULT-VALUE}).")
    double errorRate = DEFAULTS.errorRate();

    @Option(
            names = "--rate-limit",
            description =
                    "Cloud API requests per second above which 429 is answered; 0 = none (default ${DEFAULT-VALUE}).")
    int rateLimit = DEFAULTS.rateLimit();

    @Option(
            names = "--drop-after-write-rate",
            description = "Share 0..1 of cloud API writes (POST, PUT, PATCH, DELETE) done, then left with no answer: "
                    + "the connection is closed (default ${DEFAULT-VALUE}).")
    double dropAfterWriteRate = DEFAULTS.dropAfterWriteRate();

    @Option(
            names = "--error-after-write-rate",
            description = "Share 0..1 of cloud API writes done, then answered 500/502/503 instead of their result "
                    + "(default ${DEFAULT-VALUE}).")
    double errorAfterWriteRate = DEFAULTS.errorAfterWriteRate();

    @Option(
            names = "--seed",
            description = "Seed of every generated id, code and fault draw (default: random, printed at start).")
    Long seed;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "Load the state from FILE at start; save it there when it changes and on exit.")
    Path stateFile;

    @Option(
            names = "--activation-delay-ms",
            description = "Each PBX activation step, created→activating→activated (default ${DEFAULT-VALUE}).")
    long activationDelayMs = DEFAULTS.activationDelay().toMillis();

    @Option(
            names = "--upgrade-delay-ms",
            description = "Duration of a WebRTC gateway software upgrade (default ${DEFAULT-VALUE}).")
    long upgradeDelayMs = DEFAULTS.upgradeDelay().toMillis();

    @Option(
            names = "--token-ttl",
            paramLabel = "SECONDS",
            description = "Cloud token lifetime (default ${DEFAULT-VALUE}).")
    long tokenTtlSeconds = DEFAULTS.tokenTtl().toSeconds();

    @Option(
            names = "--auto-fleet",
            description =
                    "Stand up a stock OXO for every system created with pbxId = activationCode = <fleetRef>-<installRef>.")
    boolean autoFleet;

    @Option(
            names = "--auto-o2g",
            description = "An unknown X-Forwarded-Host becomes an O2G host with the default credentials and one node.")
    boolean autoO2g;

    @Option(
            names = "--oxe-name",
            paramLabel = "KEY=NAME",
            description =
                    "Rename an OXE object or attribute, e.g. "
                            + "rainbowObject=RainbowAgent (keys: rainbowObject, agentEnable, domain, pbxId, activationCode, "
                            + "connectionStatus, networkObject, dnsPrimary, dnsSecondary, proxyHost, proxyPort, proxyLogin, proxyPassword).")
    Map<String, String> oxeNames = Map.of();

    @Option(
            names = "--contract",
            paramLabel = "PROFILE",
            converter = ContractConverter.class,
            description = "extended: the public cloud API plus the project's invented parts (EXTENSIONS.md); "
                    + "documented: only what a public document shows (default ${DEFAULT-VALUE}).")
    CloudContract contract = DEFAULTS.contract();

    public static void main(String[] args) {
        // The CLI's own quiet logging; an embedding application keeps its configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "pbx-simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config = DEFAULTS.withCloudPort(cloudPort)
                .withO2gPort(o2gPort)
                .withBind(bind)
                .withLogin(login)
                .withPassword(password)
                .withAppId(appId)
                .withAppSecret(appSecret)
                .withO2gLogin(o2gLogin)
                .withO2gPassword(o2gPassword)
                .withLatency(Duration.ofMillis(latencyMs))
                .withErrorRate(errorRate)
                .withRateLimit(rateLimit)
                .withDropAfterWriteRate(dropAfterWriteRate)
                .withErrorAfterWriteRate(errorAfterWriteRate)
                .withSeed(seed != null ? seed : DEFAULTS.seed())
                .withStateFile(stateFile)
                .withActivationDelay(Duration.ofMillis(activationDelayMs))
                .withUpgradeDelay(Duration.ofMillis(upgradeDelayMs))
                .withTokenTtl(Duration.ofSeconds(tokenTtlSeconds))
                .withAutoFleet(autoFleet)
                .withAutoO2g(autoO2g)
                .withOxeNames(OxeNames.defaults().withOverrides(oxeNames))
                .withContract(contract);
        Simulator simulator = Simulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "pbx-simulator-shutdown"));
        stopped.await();
        return 0;
    }

    /** {@code extended} or {@code documented}, in any case. */
    static final class ContractConverter implements ITypeConverter<CloudContract> {
        @Override
        public CloudContract convert(String value) {
            try {
                return CloudContract.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
