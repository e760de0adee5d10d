package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.embedded.UpAddresses;
import io.pbxops.simulator.CloudContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code up --cloud-contract}: the profile reaches the simulated cloud. */
class UpCloudContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPANY = """
            apiVersion: pbxops.io/v1alpha1
            kind: Company
            metadata:
              name: initech
            spec:
              country: USA
              state: US-NY
            """;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theProfileIsExtendedByDefault() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs();
        assertEquals(CloudContract.EXTENDED, up.cloudContract);
        new CommandLine(up).parseArgs("--cloud-contract", "documented");
        assertEquals(CloudContract.DOCUMENTED, up.cloudContract);
        assertEquals(
                2,
                new CommandLine(new UpCommand())
                        .setErr(new PrintWriter(new StringWriter()))
                        .execute("--cloud-contract", "strict"),
                "an unknown profile is a usage error");
    }

    @Test
    void upWithTheDocumentedContractServesNoInventedPathAndTheCompanyGetsItsState() throws Exception {
        Path manifest = Files.writeString(work.resolve("initech.yaml"), COMPANY);
        Path kubeconfig = work.resolve(".pbxops/kubeconfig");
        StringWriter output = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        UpCommand up = (UpCommand) commandLine.getSubcommands().get("up").getCommand();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = runner.submit(() -> commandLine.execute(
                    "up",
                    "--cloud-contract",
                    "documented",
                    "--manifests",
                    manifest.toString(),
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
            Path addressesFile = work.resolve(".pbxops/up.json");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("up exited early:\n" + output, exit::isDone)
                    .until(() -> Files.exists(addressesFile));
            URI cloud = UpAddresses.read(addressesFile).cloud();

            // Without a token: the extended profile would answer 401 on its gateway route, an unknown path 404.
            HttpResponse<String> gateways = http.send(
                    HttpRequest.newBuilder(cloud.resolve("/api/rainbow/admin/v1.0/x-pbxops/mediapillars"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, gateways.statusCode(), gateways::body);
            assertEquals(
                    404000,
                    JSON.readTree(gateways.body()).path("errorDetailsCode").asInt());

            JsonNode initech = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> company(cloud, "initech"), company -> company != null);
            assertEquals("USA", initech.path("country").asText());
            assertEquals("NY", initech.path("state").asText(), "the subdivision without its country prefix");

            up.stop();
            assertEquals(0, exit.get(60, TimeUnit.SECONDS), () -> "up's exit status; its output:\n" + output);
        } finally {
            runner.shutdownNow();
        }
    }

    private JsonNode company(URI cloud, String name) throws Exception {
        HttpResponse<String> state = http.send(
                HttpRequest.newBuilder(cloud.resolve("/sim/v1/state")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode company : JSON.readTree(state.body()).path("companies")) {
            if (company.path("name").asText().equals(name)) {
                return company;
            }
        }
        return null;
    }
}
