package io.pbxops.operator.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    public Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs kubectl with {@code input} on its standard input (e.g. {@code apply -f -}). */
    public Result runWithInput(String input, String... args) {
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                cacheDir.toString(),
                "--request-timeout",
                "30s"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
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
