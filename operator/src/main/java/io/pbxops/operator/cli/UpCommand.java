package io.pbxops.operator.cli;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.embedded.ConvergenceWatch;
import io.pbxops.operator.embedded.EmbeddedFleet;
import io.pbxops.operator.embedded.FleetDisplay;
import io.pbxops.operator.embedded.FleetStatus;
import io.pbxops.operator.embedded.OxoInstaller;
import io.pbxops.operator.embedded.PlainDisplay;
import io.pbxops.operator.embedded.StartupTimeline;
import io.pbxops.operator.embedded.TerminalDisplay;
import io.pbxops.operator.embedded.TerminalSize;
import io.pbxops.operator.embedded.UpLogging;
import io.pbxops.operator.embedded.UpSettings;
import io.pbxops.operator.manifest.ManifestException;
import io.pbxops.simulator.CloudContract;
import io.pbxops.simulator.SimulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole system on this machine, in one process: a Kubernetes API server (with the CRDs, discovery and "
                    + "admission, so kubectl works against it), simulators of the Rainbow cloud and of the PBXs, and the "
                    + "operator. Applies the manifests, writes a kubeconfig for kubectl, and shows the fleet converging.",
            "",
            "Every Pbx gets a simulated PBX: an O2G host with the credentials of its Secret behind each management "
                    + "endpoint, a stock OXO for each fleet OXO, and a build-to-order OXO that waits for its installer "
                    + "(press i and Enter, or run `pbx-operator installer NAME`).",
            "",
            "Converged: every object Ready for its current generation, except a build-to-order OXO waiting for its "
                    + "installer (its code in its Secret) and a WebRTC gateway in maintenance because its spec says so.",
            "",
            "--no-operator (a testing aid) runs everything but the operator and prints how to start `run` apart against "
                    + "this fleet, so that it can be killed (kill -9) and started again while the fleet converges.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:stopped cleanly, or (--once) the fleet converged",
            "1:(--once) the fleet did not converge before the timeout, or a manifest was refused",
            "2:the manifests could not be read or the system could not start"
        })
public final class UpCommand implements Callable<Integer> {

    static final int CONVERGED = 0;
    static final int NOT_CONVERGED = 1;
    static final int CANNOT_START = 2;
    /** Starts the line that gives the command of an operator run apart (scripts read it). */
    static final String OPERATOR_APART = "operator: pbx-operator ";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--manifests",
            arity = "1..*",
            paramLabel = "PATH",
            description =
                    "Manifest files or folders to apply at start. Default: samples/ (and none when --state restores a cluster).")
    List<Path> manifests;

    @Option(
            names = "--once",
            description = "Exit when the fleet has converged (0), or at the timeout (1), printing the final table.")
    boolean once;

    @Option(
            names = "--timeout",
            defaultValue = "180s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "With --once: how long to wait for convergence. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(
            names = "--kubeconfig",
            defaultValue = ".pbxops/kubeconfig",
            paramLabel = "FILE",
            description = "Where to write the kubeconfig for kubectl. Default: ${DEFAULT-VALUE}.")
    Path kubeconfig;

    @Option(
            names = "--api-port",
            paramLabel = "PORT",
            defaultValue = "16443",
            description = "The embedded API server's port (0: any). Default: ${DEFAULT-VALUE}.")
    int apiPort;

    @Option(
            names = "--cloud-port",
            paramLabel = "PORT",
            defaultValue = "18080",
            description =
                    "The cloud simulator's port, also its control API /sim/v1 (0: any). Default: ${DEFAULT-VALUE}.")
    int cloudPort;

    @Option(
            names = "--o2g-port",
            paramLabel = "PORT",
            defaultValue = "18443",
            description = "The O2G simulator's port (0: any). Default: ${DEFAULT-VALUE}.")
    int o2gPort;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description =
                    "Keep the simulated cloud and PBXs (simulator.json) and the cluster's objects (cluster.json) in DIR across runs.")
    Path stateDir;

    @Option(
            names = "--drift-interval",
            defaultValue = "30s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often the operator lists the cloud for out-of-band changes. Default: ${DEFAULT-VALUE}.")
    Duration driftInterval;

    @Option(
            names = "--pending-recheck",
            defaultValue = "1s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often a connecting PBX is looked at again. Default: ${DEFAULT-VALUE}.")
    Duration pendingRecheck;

    @Option(
            names = "--log-file",
            paramLabel = "FILE",
            description = "Where the logs go. Default: up.log next to the kubeconfig; - leaves them on stderr.")
    String logFile;

    @Option(names = "--plain", description = "Plain lines even on a terminal (no redrawing in place).")
    boolean plain;

    @Option(
            names = "--activation-delay",
            defaultValue = "200ms",
            converter = DurationConverter.class,
            hidden = true,
            description = "Each step of a simulated PBX activation.")
    Duration activationDelay;

    @Option(
            names = "--cloud-contract",
            defaultValue = "extended",
            paramLabel = "PROFILE",
            converter = CloudContractConverter.class,
            description = "The simulated cloud: extended (the public API plus the project's invented parts) or "
                    + "documented (only what a public document shows). Default: ${DEFAULT-VALUE}.")
    CloudContract cloudContract;

    @Option(
            names = "--no-operator",
            description = "Testing aid: run the API server and the simulators without the operator; write the cloud "
                    + "account's credential files and print the `run` command line that reconciles this fleet.")
    boolean noOperator;

    private volatile ConvergenceWatch running;
    private Thread shutdownHook;

    @Override
    public Integer call() throws Exception {
        StartupTimeline timeline = StartupTimeline.ofThisProcess();
        timeline.mark(StartupTimeline.JVM);
        UpSettings settings = new UpSettings(
                manifests == null ? List.of(Path.of("samples")) : manifests,
                manifests != null,
                kubeconfig,
                apiPort,
                cloudPort,
                o2gPort,
                stateDir,
                driftInterval,
                pendingRecheck,
                activationDelay,
                cloudContract,
                !noOperator);
        Path log = logFile == null
                ? settings.siblingOfKubeconfig("up.log")
                : "-".equals(logFile) ? null : Path.of(logFile);
        if (log != null) {
            Files.createDirectories(log.toAbsolutePath().getParent());
            UpLogging.toFile(log);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = !plain && System.console() != null;

        EmbeddedFleet fleet;
        try {
            fleet = EmbeddedFleet.start(settings, timeline);
        } catch (ManifestException e) {
            spec.commandLine().getErr().println("up: " + e);
            return CANNOT_START;
        } catch (RuntimeException e) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "up: cannot start: " + describe(e)
                                    + " (is another `up` running? choose other ports with --api-port, --cloud-port, --o2g-port)");
            return CANNOT_START;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try {
            out.println("pbx-operator up: API server " + fleet.apiServer().url() + ", cloud simulator "
                    + fleet.simulator().cloudUrl() + ", O2G simulator "
                    + fleet.simulator().o2gUrl() + (log == null ? "" : "; logs in " + log));
            out.println("kubectl: export KUBECONFIG=" + settings.kubeconfig() + "   (then: kubectl get pbxops)");
            out.println("plan against it: pbx-operator plan MANIFESTS --cloud-url "
                    + fleet.simulator().cloudUrl() + " --pbx-endpoints --o2g-via "
                    + fleet.simulator().o2gUrl()
                    + "   (the simulator's cloud account: simulator/README.md)");
            if (noOperator) {
                Path credentials = writeCloudCredentials(settings.siblingOfKubeconfig("cloud-credentials"), fleet);
                out.println("no operator runs here: start one against this fleet (java -jar pbx-operator.jar and these "
                        + "arguments); kill it and start it again at will");
                out.println(OPERATOR_APART + String.join(" ", operatorArguments(settings, fleet, credentials)));
            }
            if (fleet.restoredObjects() > 0) {
                out.println("restored " + fleet.restoredObjects() + " objects and the simulated cloud from " + stateDir
                        + (manifests == null
                                ? " (no manifests applied: name them with --manifests to apply them again)"
                                : ""));
            }
            fleet.applied().refused().forEach(line -> out.println("refused: " + line));
            OxoInstaller installer = new OxoInstaller(fleet.client(), fleet.simulatorControl()::installerStep);
            FleetDisplay display = terminal
                    ? new TerminalDisplay(out, TerminalSize.columns(), hints(settings), timeline::elapsed)
                    : new PlainDisplay(out, timeline::elapsed);
            ConvergenceWatch watch = new ConvergenceWatch(new FleetStatus(fleet.client()), display, timeline);
            running = watch;
            // Ctrl-C: the view stops, then everything is closed in order (and the state saved) before the JVM exits.
            shutdownHook = new Thread(
                    () -> {
                        watch.stop();
                        try {
                            closed.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "pbxops-up-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            if (terminal) {
                readKeys(watch, installer, display);
            }
            if (once) {
                boolean converged = watch.untilConverged(timeout);
                display.finish(
                        watch.last(),
                        converged
                                ? "converged in " + timeline.summary(StartupTimeline.CONVERGED)
                                : "not converged after " + StartupTimeline.seconds(timeline.elapsed()) + " (--timeout "
                                        + timeout.toSeconds() + "s)");
                return converged && fleet.applied().refused().isEmpty() ? CONVERGED : NOT_CONVERGED;
            }
            watch.untilStopped();
            fleet.close();
            display.finish(
                    watch.last(),
                    "stopped: "
                            + (noOperator
                                    ? "the embedded API server and the simulators"
                                    : "the embedded API server, the simulators and the operator")
                            + " are shut down"
                            + (stateDir == null ? "" : "; state kept in " + stateDir));
            return CONVERGED;
        } finally {
            fleet.close();
            closed.countDown();
            removeShutdownHook();
        }
    }

    /** Stops a running {@code up} as Ctrl-C would (tests, embedding). */
    void stop() {
        ConvergenceWatch watch = running;
        if (watch != null) {
            watch.stop();
        }
    }

    private void removeShutdownHook() {
        try {
            if (shutdownHook != null) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }

    /**
     * The arguments of a {@code run} that reconciles this fleet as the embedded operator would: the kubeconfig, the
     * cloud account's files, every PBX endpoint routed to the O2G simulator, no server-side apply (the embedded API
     * server lacks it), no health port (several may run in turn), and the same rechecks as {@code up}.
     */
    static List<String> operatorArguments(UpSettings settings, EmbeddedFleet fleet, Path credentials) {
        return List.of(
                "run",
                "--kubeconfig",
                settings.kubeconfig().toAbsolutePath().toString(),
                "--cloud-url",
                fleet.simulator().cloudUrl().toString(),
                "--credentials-dir",
                credentials.toString(),
                "--o2g-via",
                fleet.simulator().o2gUrl().toString(),
                "--no-server-side-apply",
                "--health-port",
                "-1",
                "--drift-interval",
                settings.driftInterval().toMillis() + "ms",
                "--pending-recheck",
                settings.pendingRecheck().toMillis() + "ms");
    }

    /** The simulated cloud account as {@code run --credentials-dir} reads it, readable by this user only. */
    static Path writeCloudCredentials(Path folder, EmbeddedFleet fleet) throws IOException {
        SimulatorConfig account = fleet.simulator().config();
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> files = Map.of(
                CloudCredentialsSource.CLOUD_URL, fleet.simulator().cloudUrl().toString(),
                CloudCredentialsSource.LOGIN, account.login(),
                CloudCredentialsSource.PASSWORD, account.password(),
                CloudCredentialsSource.APP_ID, account.appId(),
                CloudCredentialsSource.APP_SECRET, account.appSecret());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.writeString(path, file.getValue());
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
        return folder.toAbsolutePath();
    }

    private static List<String> hints(UpSettings settings) {
        return List.of(
                "kubectl: export KUBECONFIG=" + settings.kubeconfig()
                        + "   then: kubectl get pbxops, kubectl describe pbx NAME",
                "i + Enter: the installer enters the activation data of waiting build-to-order OXOs   q + Enter or Ctrl-C: stop");
    }

    /** Keys typed while the view runs (line by line: no raw terminal mode needed). */
    private static void readKeys(ConvergenceWatch watch, OxoInstaller installer, FleetDisplay display) {
        Thread keys = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            switch (line.trim().toLowerCase()) {
                                case "i" -> installAll(installer, display);
                                case "q" -> watch.stop();
                                default -> display.note("keys: i + Enter (installer step), q + Enter (stop)");
                            }
                        }
                    } catch (IOException e) {
                        // stdin closed: no more keys
                    }
                },
                "pbxops-up-keys");
        keys.setDaemon(true);
        keys.start();
    }

    static void installAll(OxoInstaller installer, FleetDisplay display) {
        List<Pbx> waiting = installer.waiting();
        if (waiting.isEmpty()) {
            display.note("installer: no build-to-order OXO is waiting with its activation data");
        }
        for (Pbx pbx : waiting) {
            try {
                display.note(installer.install(
                        pbx.getMetadata().getNamespace(), pbx.getMetadata().getName()));
            } catch (RuntimeException e) {
                display.note("installer: " + e.getMessage());
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
    }
}
