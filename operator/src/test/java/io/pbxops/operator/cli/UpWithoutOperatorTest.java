package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.embedded.UpAddresses;
import io.pbxops.operator.testing.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code up --no-operator} in this JVM, and the operator apart, out of process, as the line {@code up} prints starts
 * it: nothing reconciles until it runs; killed with SIGKILL in the middle of the convergence and started again, it
 * brings the samples to convergence, with one cloud object per declared one.
 */
class UpWithoutOperatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How up's line giving the operator's command starts (operator/bench/soak.sh reads it too). */
    private static final String OPERATOR_LINE = "operator: pbx-operator ";

    private static final String LOGIN = "/api/rainbow/authentication/v1.0/login";
    /** The exit status of a JVM killed by SIGKILL (128 + 9). */
    private static final int KILLED = 137;

    @TempDir
    Path work;

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final StringWriter output = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> operators = new ArrayList<>();
    private UpCommand up;
    private Future<Integer> exit;

    @AfterEach
    void stopEverything() throws Exception {
        operators.forEach(Process::destroyForcibly);
        if (up != null) {
            up.stop();
            assertEquals(0, exit.get(60, TimeUnit.SECONDS), "up's exit status; its output:\n" + output);
            assertTrue(
                    output.toString().contains("stopped: the embedded API server and the simulators are shut down"),
                    "up stopped cleanly, with no operator of its own:\n" + output);
        }
        runner.shutdownNow();
    }

    @Test
    void anOperatorRunApartSurvivesSigkillAndTheSamplesConverge() throws Exception {
        Path kubeconfig = work.resolve(".pbxops/kubeconfig");
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        up = (UpCommand) commandLine.getSubcommands().get("up").getCommand();
        exit = runner.submit(() -> commandLine.execute(
                Commands.up(kubeconfig, "--manifests", Samples.FOLDER.toString(), "--no-operator")));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .failFast("up exited early:\n" + output, exit::isDone)
                .until(() -> runLine() != null);
        List<String> runArguments = Arrays.asList(runLine().split(" "));
        UpAddresses addresses = UpAddresses.read(work.resolve(".pbxops/up.json"));
        Path credentials = Path.of(runArguments.get(runArguments.indexOf("--credentials-dir") + 1));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(credentials.resolve("PBXOPS_CLOUD_PASSWORD"))),
                "the account's password is readable by its owner only");
        assertEquals(addresses.o2g().toString(), runArguments.get(runArguments.indexOf("--o2g-via") + 1));

        // Nothing signs in to the cloud while no operator runs (the window of the longest recheck of `up`).
        await().pollDelay(Duration.ZERO)
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> cloudRequests(addresses, LOGIN) == 0);
        assertEquals(1, state(addresses).path("companies").size(), "only the reseller's own company");

        Process first = startOperator(runArguments, "run-1.log");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .failFast("the first operator exited:\n" + log("run-1.log"), () -> !first.isAlive())
                .until(() -> state(addresses).path("systems").size() > 0);
        first.destroyForcibly();
        assertTrue(first.waitFor(20, TimeUnit.SECONDS));
        assertEquals(KILLED, first.exitValue(), "killed, not stopped");

        Process second = startOperator(runArguments, "run-2.log");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .failFast("the second operator exited:\n" + log("run-2.log"), () -> !second.isAlive())
                .failFast("up exited:\n" + output, exit::isDone)
                .until(() -> output.toString().contains("converged in"));

        JsonNode cloud = state(addresses);
        assertEquals(
                List.of("ACME-OXE-LYON-1", "GLOBEX-OXO-MUC", "INITECH-OXE-READING", "OXO90", "UMBRELLA-OXO-NANTES"),
                sortedNames(cloud.path("systems")),
                "one cloud system per Pbx, none twice");
        assertEquals(
                5, cloud.path("companies").size(), "the samples' four companies and the reseller's own, none twice");
        assertTrue(cloudRequests(addresses, LOGIN) >= 2, "both operators signed in: the work was theirs");
    }

    private String runLine() {
        return output.toString()
                .lines()
                .filter(line -> line.startsWith(OPERATOR_LINE))
                .map(line -> line.substring(OPERATOR_LINE.length()))
                .findFirst()
                .orElse(null);
    }

    private Process startOperator(List<String> runArguments, String logName) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(runArguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(logName).toFile())
                .start();
        operators.add(process);
        return process;
    }

    private String log(String name) {
        try {
            return Files.readString(work.resolve(name));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private JsonNode state(UpAddresses addresses) throws IOException, InterruptedException {
        return get(URI.create(addresses.control() + "/state"));
    }

    private long cloudRequests(UpAddresses addresses, String route) throws IOException, InterruptedException {
        return StreamSupport.stream(
                        get(URI.create(addresses.control() + "/requests")).spliterator(), false)
                .filter(count -> count.path("route").asText().equals(route))
                .mapToLong(count -> count.path("count").asLong())
                .sum();
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> uri + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> sortedNames(JsonNode objects) {
        return StreamSupport.stream(objects.spliterator(), false)
                .map(object -> object.path("name").asText())
                .sorted()
                .toList();
    }
}
