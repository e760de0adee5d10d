package io.pbxops.operator.cli;

import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.operator.testing.NoWrites;
import io.pbxops.simulator.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** {@code pbx-operator}'s command line run in this JVM, its output captured. */
final class Commands {

    /** What one run gave: its exit status and what it printed on each stream. */
    record Run(int exit, String out, String err) {}

    /** What a command that reads the cloud signs in for: one login, and the logout when it is done. */
    static final Map<String, Long> ONE_CLOUD_SESSION =
            Map.of("GET /api/rainbow/authentication/v1.0/login", 1L, "GET /api/rainbow/authentication/v1.0/logout", 1L);

    private Commands() {}

    /**
     * {@code up} with everything on free ports (so that tests never collide on a fixed one), its kubeconfig where
     * given, its log on the standard output and plain progress lines; then {@code more}.
     */
    static String[] up(Path kubeconfig, String... more) {
        List<String> all = new ArrayList<>(List.of(
                "up",
                "--kubeconfig",
                kubeconfig.toString(),
                "--api-port",
                "0",
                "--cloud-port",
                "0",
                "--o2g-port",
                "0",
                "--log-file",
                "-",
                "--plain"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * Runs a command that only reads the cloud (and the PBXs), e.g. {@code plan}, against the simulator's account
     * (credential files in {@code credentials}), and checks that it wrote nothing: no write and no sign-in but
     * {@code signIns} (by default {@link #ONE_CLOUD_SESSION}). No window: the command has returned and leaves nothing
     * running.
     */
    static Run readingOnly(Simulator simulator, Path credentials, String... args) {
        return readingOnly(simulator, credentials, ONE_CLOUD_SESSION, args);
    }

    static Run readingOnly(Simulator simulator, Path credentials, Map<String, Long> signIns, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        try {
            all.addAll(CloudAccount.cliArguments(simulator, credentials));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NoWrites noWrites = NoWrites.from(simulator, Duration.ZERO);
        Run run = run(all.toArray(String[]::new));
        noWrites.assertOnly(String.join(" ", args) + " (exit " + run.exit() + ")", signIns);
        return run;
    }
}
