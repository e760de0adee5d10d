package io.pbxops.operator.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The installed {@code kubectl} binary, run against one kubeconfig with its own cache folder (so that tests never
 * read or write the user's {@code ~/.kube}).
 */
public final class Kubectl {

    /** What one kubectl run gave. */
    public record Result(int exitCode, String out, String err) {

        public Result assertSucceeded(String what) {
            if (exitCode != 0) {
                throw new AssertionError(
                        what + ": kubectl exited " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }
    }

    private final Path binary;
    private final Path kubeconfig;
    private final Path cacheDir;

    public Kubectl(Path binary, Path kubeconfig, Path cacheDir) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    /**
     * The first executable {@code kubectl} on the PATH; fails the test, saying how to install it, when there is none
     * (a test that needs kubectl never passes without it).
     */
    public static Path required() {
        return onPath().orElseThrow(
                        () -> new AssertionError(
                                "kubectl is not on the PATH, and this test drives the"
                                        + " operator with it: put a recent kubectl on the PATH (1.32 works; Debian bookworm's"
                                        + " kubernetes-client, 1.20, is too old: its kubectl apply asks for the OpenAPI document as protobuf)"));
    }

    /** The first executable {@code kubectl} on the PATH, if any. */
    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "kubectl");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A kubectl that goes on running (kubectl get -w, kubectl wait): its output so far, and its end. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();

        private Running(Process process) {
            this.process = process;
            copy(process.getInputStream(), out);
            copy(process.getErrorStream(), err);
        }

        public String out() {
            return out.toString();
        }

        public String err() {
            return err.toString();
        }

        public boolean alive() {
            return process.isAlive();
        }

        /** The exit status once it has ended, within {@code seconds}. */
        public int exitWithin(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError(
                        "kubectl did not end within " + seconds + " s; stdout:\n" + out + "\nstderr:\n" + err);
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroy();
        }

        private static void copy(InputStream stream, StringBuffer into) {
            Thread reader = new Thread(
                    () -> {
                        byte[] buffer = new byte[4096];
                        try {
                            int read;
                            while ((read = stream.read(buffer)) >= 0) {
                                into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                            }
                        } catch (IOException e) {
                            // the process ended
                        }
                    },
                    "kubectl-output");
            reader.setDaemon(true);
            reader.start();
        }
    }

    public Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Starts kubectl and returns at once (for commands that go on: kubectl get -w, kubectl wait). */
    public Running start(String... args) {
        try {
            return new Running(new ProcessBuilder(command(args)).start());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + binary + ": " + e.getMessage(), e);
        }
    }

    /** Runs kubectl with extra environment variables (e.g. KUBE_EDITOR for kubectl edit). */
    public Result runWithEnvironment(Map<String, String> environment, String... args) {
        return run(null, environment, args);
    }

    /** Runs kubectl with {@code input} on its standard input (e.g. {@code apply -f -}). */
    public Result runWithInput(String input, String... args) {
        return run(input, Map.of(), args);
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                cacheDir.toString(),
                "--request-timeout",
                "30s"));
        command.addAll(List.of(args));
        return command;
    }

    private Result run(String input, Map<String, String> environment, String... args) {
        List<String> command = command(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish within 90 s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while kubectl ran", e);
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
