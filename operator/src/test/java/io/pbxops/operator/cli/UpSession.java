package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.embedded.UpAddresses;
import io.pbxops.operator.testing.Kubectl;
import io.pbxops.simulator.RequestCount;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * One {@code pbx-operator up} in this JVM on free ports, for an end-to-end test: started with its manifests, waited
 * for until it has converged, driven with the installed kubectl, read through the simulator's control API, stopped.
 */
final class UpSession implements AutoCloseable {

    static final Duration CONVERGENCE = Duration.ofSeconds(90);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final StringWriter output = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();
    private final UpCommand up;
    private final Future<Integer> exit;
    private final UpAddresses addresses;
    private final Kubectl kubectl;

    private UpSession(Path work, String... arguments) {
        Path binary = Kubectl.required();
        Path kubeconfig = work.resolve(".pbxops/kubeconfig");
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        up = (UpCommand) commandLine.getSubcommands().get("up").getCommand();
        exit = runner.submit(() -> commandLine.execute(Commands.up(kubeconfig, arguments)));
        Path addressesFile = work.resolve(".pbxops/up.json");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .failFast("up exited early:\n" + output, exit::isDone)
                .until(() -> Files.exists(addressesFile));
        addresses = UpAddresses.read(addressesFile);
        kubectl = new Kubectl(binary, kubeconfig, work.resolve("kubectl-cache"));
    }

    /** Starts {@code up} with these arguments (after the free ports and the kubeconfig in {@code work}). */
    static UpSession start(Path work, String... arguments) {
        return new UpSession(work, arguments);
    }

    /** Waits until {@code up} says the fleet has converged. */
    UpSession awaitConverged() {
        await().atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(250))
                .failFast("up exited:\n" + output, exit::isDone)
                .until(() -> output.toString().contains("converged in"));
        return this;
    }

    Kubectl kubectl() {
        return kubectl;
    }

    UpAddresses addresses() {
        return addresses;
    }

    String output() {
        return output.toString();
    }

    /** The simulated cloud and PBXs, as {@code GET /sim/v1/state} shows them. */
    JsonNode cloudState() {
        try {
            return JSON.readTree(get("/state"));
        } catch (IOException e) {
            throw new AssertionError("cannot read the simulator's state", e);
        }
    }

    /** The requests both simulated servers received, by method and route. */
    List<RequestCount> requestCounts() {
        try {
            return Arrays.asList(JSON.readValue(get("/requests"), RequestCount[].class));
        } catch (IOException e) {
            throw new AssertionError("cannot read the simulator's request counts", e);
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(addresses.control() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path + " of the simulator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws Exception {
        up.stop();
        assertEquals(0, exit.get(60, TimeUnit.SECONDS), "up's exit status; its output:\n" + output);
        runner.shutdownNow();
    }
}
