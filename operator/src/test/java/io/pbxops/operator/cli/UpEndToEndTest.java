package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.embedded.EmbeddedApiServer;
import io.pbxops.operator.embedded.UpAddresses;
import io.pbxops.operator.testing.Kubectl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pbx-operator up} end to end, in this JVM on free ports, driven with the installed kubectl binary as a person
 * would, and checked through the simulated cloud's state: the samples converge; a reset through kubectl gives a new
 * activation code, Pending then Running; the installer step finishes the build-to-order OXO; bad input is refused
 * with the field named; deleting everything empties the cloud. Skipped (and said so) where kubectl is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpEndToEndTest {

    static final Path SAMPLES = Path.of("../samples");
    static final Duration CONVERGENCE = Duration.ofSeconds(90);
    /** The shared OXO's name in the cloud once renamed through kubectl. */
    static final String OXO90 = "OXO90-SHARED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path work;

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final StringWriter output = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();
    private UpCommand up;
    private Future<Integer> exit;
    private Kubectl kubectl;
    private Path kubeconfig;
    private UpAddresses addresses;
    private KubernetesClient client;

    @BeforeAll
    void startUp(@TempDir Path folder) {
        work = folder;
        Optional<Path> binary = Kubectl.onPath();
        if (binary.isEmpty()) {
            System.out.println(
                    "UpEndToEndTest: kubectl is not on the PATH; the end-to-end cases driven with kubectl are SKIPPED");
        }
        assumeTrue(
                binary.isPresent(), "kubectl is not on the PATH: the end-to-end cases driven with kubectl are skipped");
        kubeconfig = work.resolve(".pbxops/kubeconfig");
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        up = (UpCommand) commandLine.getSubcommands().get("up").getCommand();
        exit = runner.submit(() -> commandLine.execute(
                "up",
                "--manifests",
                SAMPLES.toString(),
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
        addresses = UpAddresses.read(addressesFile);
        client = EmbeddedApiServer.newClient(addresses.apiServer());
        kubectl = new Kubectl(binary.get(), kubeconfig, work.resolve("kubectl-cache"));
    }

    @AfterAll
    void stopUp() throws Exception {
        if (up == null) {
            return;
        }
        client.close();
        up.stop();
        assertEquals(0, exit.get(60, TimeUnit.SECONDS), "up's exit status; its output:\n" + output);
        assertTrue(
                output.toString()
                        .contains("stopped: the embedded API server, the simulators and the operator are shut down"),
                "up says it stopped cleanly:\n" + output);
        runner.shutdownNow();
    }

    @Test
    @Order(1)
    void theSamplesConvergeAndKubectlShowsThem() {
        await().atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(250))
                .failFast("up exited:\n" + output, exit::isDone)
                .until(() -> output.toString().contains("converged in"));

        JsonNode cloud = cloudState();
        assertEquals(
                List.of("ACME-OXE-LYON-1", "GLOBEX-OXO-MUC", "INITECH-OXE-READING", "OXO90"),
                names(
                        cloud.path("systems"),
                        system -> "activated".equals(system.path("status").asText())
                                && system.path("channelsDown").isEmpty()),
                "systems activated, every channel up, in the cloud");
        assertEquals(
                List.of("UMBRELLA-OXO-NANTES"),
                names(
                        cloud.path("systems"),
                        system -> "created".equals(system.path("status").asText())),
                "the build-to-order OXO waits for its installer");
        assertEquals(4, cloud.path("mediaPillars").size(), "WebRTC gateways in the cloud");
        assertTrue(names(cloud.path("companies"), c -> true)
                .containsAll(List.of("ACME Industries", "Globex GmbH", "Initech Ltd", "Umbrella Santé")));

        String all = kubectl.run("get", "pbxops")
                .assertSucceeded("kubectl get pbxops")
                .out();
        for (String object : List.of(
                "company.pbxops.io/acme",
                "numberingplan.pbxops.io/fr-standard",
                "pbx.pbxops.io/acme-oxe1",
                "pbxshare.pbxops.io/oxo90-globex",
                "webrtcgateway.pbxops.io/acme-oxe1-gw")) {
            assertTrue(all.contains(object), object + " in kubectl get pbxops:\n" + all);
        }
        String wide = kubectl.run("get", "pbx", "-o", "wide")
                .assertSucceeded("kubectl get pbx -o wide")
                .out();
        assertTrue(
                wide.lines()
                        .findFirst()
                        .orElse("")
                        .matches(
                                "NAME +TYPE +COMPANY +CONNECTION +COMPANIES +READY +SYNCED +EQUIPMENT ID +SYSTEM ID +REASON +AGE"),
                "the CRD's printer columns, wide ones included:\n" + wide);
        assertTrue(
                wide.lines()
                        .anyMatch(
                                line -> line.matches(
                                        "acme-oxe1 +OmniPCXEnterprise +acme +Running +\\d+ +True +True +PBX[-0-9a-f]+ +[0-9a-f]{24} +Available .*")),
                wide);
        String described = kubectl.run("describe", "pbx", "acme-oxe1")
                .assertSucceeded("kubectl describe")
                .out();
        assertTrue(
                described.contains("pbx-operator") && described.contains("Events:"),
                "the operator's events:\n" + described);

        String reapplied = kubectl.run("apply", "-f", SAMPLES.toString())
                .assertSucceeded("kubectl apply -f samples/")
                .out();
        assertTrue(
                reapplied
                        .lines()
                        .filter(line -> line.contains(".pbxops.io/"))
                        .allMatch(line -> line.endsWith(" unchanged")),
                "up applied the samples as kubectl apply would:\n" + reapplied);
    }

    @Test
    @Order(2)
    void aResetThroughKubectlGivesANewCodeAndThePbxGoesPendingThenRunning() {
        String before = activationCode("acme-oxe1");
        List<String> connections = new CopyOnWriteArrayList<>();
        try (Watch ignored = client.resources(Pbx.class)
                .inNamespace("default")
                .withName("acme-oxe1")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Pbx pbx) {
                        if (pbx.getStatus() != null && pbx.getStatus().getConnection() != null) {
                            connections.add(pbx.getStatus().getConnection().name());
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                })) {
            kubectl.run(
                            "patch",
                            "pbx",
                            "acme-oxe1",
                            "--type",
                            "merge",
                            "-p",
                            "{\"spec\":{\"resetToken\":\"e2e-reset-1\"}}")
                    .assertSucceeded("kubectl patch resetToken");
            await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                int pending = connections.lastIndexOf("Pending");
                return pending >= 0
                        && connections.subList(pending, connections.size()).contains("Running");
            });
        }
        // Compared, never printed: an activation code is a secret.
        assertFalse(before.equals(activationCode("acme-oxe1")), "the activation Secret holds a new code");
        JsonNode system = system("ACME-OXE-LYON-1");
        assertEquals("activated", system.path("status").asText());
        assertTrue(system.path("connectionHistory").toString().contains("reset"), "the cloud recorded the reset");
        String described = kubectl.run("describe", "pbx", "acme-oxe1")
                .assertSucceeded("kubectl describe")
                .out();
        assertTrue(described.contains("Reset"), "kubectl describe shows the reset event:\n" + described);
    }

    @Test
    @Order(3)
    void pausingWithKubectlAnnotateStopsReconcilingUntilTheAnnotationGoes() {
        kubectl.run("annotate", "pbx", "oxo90", "pbxops.io/paused=true").assertSucceeded("kubectl annotate");
        awaitSynced("oxo90", "False", "ReconcilePaused");
        kubectl.run("annotate", "pbx", "oxo90", "pbxops.io/paused-").assertSucceeded("kubectl annotate (remove)");
        kubectl.run("patch", "pbx", "oxo90", "--type", "merge", "-p", "{\"spec\":{\"serverName\":\"" + OXO90 + "\"}}")
                .assertSucceeded("kubectl patch serverName");
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(200)).until(() -> hasSystem(OXO90));
        awaitSynced("oxo90", "True", null);
    }

    @Test
    @Order(4)
    void badInputIsRefusedWithTheFieldNamed() throws IOException {
        Path badCompany = Files.writeString(work.resolve("bad-company.yaml"), """
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata: {name: bad-country}
                spec: {displayName: Bad Country, country: XXX}
                """);
        Kubectl.Result refused = kubectl.run("apply", "-f", badCompany.toString());
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("spec.country") && refused.err().contains("is invalid"), refused.err());

        Kubectl.Result badType = kubectl.runWithInput("""
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: bad-type}
                spec:
                  companyRef: {name: acme}
                  type: OXOConnectPlus
                  dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00", outboundPrefix: "0", useOutboundPrefix: true}
                """, "apply", "-f", "-");
        assertNotEquals(0, badType.exitCode());
        assertTrue(badType.err().contains("spec.type"), badType.err());

        Kubectl.Result badPatch =
                kubectl.run("patch", "company", "acme", "--type", "merge", "-p", "{\"spec\":{\"country\":\"France\"}}");
        assertNotEquals(0, badPatch.exitCode());
        assertTrue(badPatch.err().contains("spec.country"), badPatch.err());

        assertNotEquals(
                0, kubectl.run("get", "company", "bad-country").exitCode(), "the refused Company was not stored");
        assertEquals(
                "FRA",
                kubectl.run("get", "company", "acme", "-o", "jsonpath={.spec.country}")
                        .out());
    }

    @Test
    @Order(5)
    void theInstallerStepBringsTheBuildToOrderOxoToRunning() {
        StringWriter installerOutput = new StringWriter();
        CommandLine installer = Main.commandLine();
        installer.setOut(new PrintWriter(installerOutput, true));
        installer.setErr(new PrintWriter(installerOutput, true));
        assertEquals(
                0,
                installer.execute("installer", "umbrella-oxo", "--kubeconfig", kubeconfig.toString()),
                installerOutput.toString());
        assertFalse(
                installerOutput.toString().contains(activationCode("umbrella-oxo")),
                "the installer never prints the code");
        await().atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "activated"
                        .equals(system("UMBRELLA-OXO-NANTES").path("status").asText()));
        await().atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> kubectl.run("get", "pbx", "umbrella-oxo", "-o", "jsonpath={.status.connection}")
                        .out()
                        .equals("Running"));
    }

    @Test
    @Order(6)
    void sharingAPbxWithKubectlLinksItToOneMoreCompany() {
        String acmeSite = kubectl.run("get", "company", "acme", "-o", "jsonpath={.status.siteId}")
                .out();
        assertFalse(acmeSite.isBlank(), "Company acme shows its site");
        // Checked before the share: the operator may link it within the time of one kubectl call after it.
        assertFalse(
                system(OXO90).path("siteId").toString().contains(acmeSite),
                "OXO90 does not serve ACME before the share");
        kubectl.runWithInput("""
                apiVersion: pbxops.io/v1alpha1
                kind: PbxShare
                metadata: {name: oxo90-acme}
                spec: {pbxRef: {name: oxo90}, companyRef: {name: acme}}
                """, "apply", "-f", "-").assertSucceeded("kubectl apply a PbxShare");
        await().atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> system(OXO90).path("siteId").toString().contains(acmeSite));
    }

    @Test
    @Order(7)
    void deletingEverythingWithKubectlEmptiesTheCloud() {
        for (String company : List.of("acme", "globex", "initech")) {
            kubectl.run(
                            "patch",
                            "company",
                            company,
                            "--type",
                            "merge",
                            "-p",
                            "{\"spec\":{\"deletionPolicy\":\"Delete\"}}")
                    .assertSucceeded("kubectl patch deletionPolicy");
        }
        kubectl.run("delete", "pbxshare", "oxo90-acme").assertSucceeded("kubectl delete pbxshare");
        kubectl.run("delete", "-f", SAMPLES.toString()).assertSucceeded("kubectl delete -f samples/");

        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode cloud = cloudState();
            return cloud.path("systems").isEmpty()
                    && cloud.path("mediaPillars").isEmpty()
                    && cloud.path("sites").isEmpty()
                    && names(cloud.path("companies"), c -> true).equals(List.of(bpCompany(cloud)));
        });
        await().atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> kubectl.run("get", "pbxops").err().contains("No resources found"));
    }

    private void awaitSynced(String pbx, String status, String reason) {
        AtomicReference<Object> seen = new AtomicReference<>();
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                Pbx object = client.resources(Pbx.class)
                        .inNamespace("default")
                        .withName(pbx)
                        .get();
                seen.set(object.getMetadata().getAnnotations() + " "
                        + object.getStatus().getConditions());
                Optional<Condition> synced = object.getStatus().getConditions().stream()
                        .filter(c -> c.getType().equals("Synced"))
                        .findFirst();
                return synced.isPresent()
                        && synced.get().getStatus().equals(status)
                        && (reason == null || reason.equals(synced.get().getReason()));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Pbx " + pbx + " never had Synced=" + status + "; last seen: " + seen.get(), e);
        }
    }

    private String activationCode(String pbx) {
        Secret secret = client.secrets()
                .inNamespace("default")
                .withName(pbx + "-activation")
                .get();
        return new String(Base64.getDecoder().decode(secret.getData().get("activationCode")), StandardCharsets.UTF_8);
    }

    private boolean hasSystem(String name) {
        return names(cloudState().path("systems"), system -> true).contains(name);
    }

    private JsonNode system(String name) {
        for (JsonNode system : cloudState().path("systems")) {
            if (name.equals(system.path("name").asText())) {
                return system;
            }
        }
        throw new AssertionError("no system " + name + " in the cloud");
    }

    private static String bpCompany(JsonNode cloud) {
        for (JsonNode company : cloud.path("companies")) {
            if (company.path("id").asText().equals(cloud.path("bpCompanyId").asText())) {
                return company.path("name").asText();
            }
        }
        return "";
    }

    private static List<String> names(JsonNode list, java.util.function.Predicate<JsonNode> filter) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> {
            if (filter.test(item)) {
                names.add(item.path("name").asText());
            }
        });
        names.sort(null);
        return names;
    }

    /** The simulated cloud as its control API shows it. */
    private JsonNode cloudState() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(addresses.control() + "/state"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("cannot read the cloud state", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
