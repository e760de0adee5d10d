package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.embedded.EmbeddedApiServer;
import io.pbxops.operator.embedded.UpAddresses;
import io.pbxops.operator.testing.Kubectl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The kubectl verbs people type against {@code up}, each with the installed kubectl, each passing as it would against
 * a kube-apiserver; one {@code up} (the samples, converged) serves the whole class. Each test uses objects of its own.
 * kubectl is part of the build's machine (.ci/run installs it where it is missing): without it the class fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlConformanceTest {

    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final StringWriter output = new StringWriter();
    private Path work;
    private UpCommand up;
    private Future<Integer> exit;
    private Kubectl kubectl;
    private KubernetesClient client;

    @BeforeAll
    void startUp(@TempDir Path folder) {
        work = folder;
        Path binary = Kubectl.required();
        Path kubeconfig = work.resolve(".pbxops/kubeconfig");
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        up = (UpCommand) commandLine.getSubcommands().get("up").getCommand();
        exit = runner.submit(() -> commandLine.execute(
                "up",
                "--manifests",
                "../samples",
                "--kubeconfig",
                kubeconfig.toString(),
                "--api-port",
                "0",
                "--cloud-port",
                "0",
                "--o2g-port",
                "0",
                "--log-file",
                work.resolve("up.log").toString(),
                "--plain"));
        await().atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(200))
                .failFast("up exited early:\n" + output, exit::isDone)
                .until(() -> output.toString().contains("converged in"));
        client = EmbeddedApiServer.newClient(
                UpAddresses.read(work.resolve(".pbxops/up.json")).apiServer());
        kubectl = new Kubectl(binary, kubeconfig, work.resolve("kubectl-cache"));
    }

    @AfterAll
    void stopUp() throws Exception {
        if (up == null) {
            return;
        }
        client.close();
        up.stop();
        assertEquals(0, exit.get(60, TimeUnit.SECONDS), "up's exit status; its output:\n" + output);
        runner.shutdownNow();
    }

    @Test
    void createSecretGeneric() {
        String out = kubectl.run("create", "secret", "generic", "conformance-secret", "--from-literal=password=s3cr3t")
                .assertSucceeded("kubectl create secret generic")
                .out();
        assertEquals("secret/conformance-secret created\n", out);
        String stored = kubectl.run("get", "secret", "conformance-secret", "-o", "jsonpath={.data.password}")
                .assertSucceeded("kubectl get secret")
                .out();
        // Compared, never printed.
        assertTrue("s3cr3t".equals(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8)));
    }

    @Test
    void createConfigmap() {
        assertEquals(
                "configmap/conformance-cm created\n",
                kubectl.run("create", "configmap", "conformance-cm", "--from-literal=colour=blue")
                        .assertSucceeded("kubectl create configmap")
                        .out());
        assertEquals(
                "blue",
                kubectl.run("get", "cm", "conformance-cm", "-o", "jsonpath={.data.colour}")
                        .out());
    }

    @Test
    void createNamespace() {
        assertEquals(
                "namespace/conformance created\n",
                kubectl.run("create", "namespace", "conformance")
                        .assertSucceeded("kubectl create namespace")
                        .out());
        assertEquals(
                "Active",
                kubectl.run("get", "namespace", "conformance", "-o", "jsonpath={.status.phase}")
                        .out());
    }

    @Test
    void applyFile() throws IOException {
        Path file = Files.writeString(work.resolve("apply-file.yaml"), configMap("apply-file", "a: \"1\""));
        assertEquals(
                "configmap/apply-file created\n",
                kubectl.run("apply", "-f", file.toString())
                        .assertSucceeded("apply")
                        .out());
        assertEquals(
                "configmap/apply-file unchanged\n",
                kubectl.run("apply", "-f", file.toString())
                        .assertSucceeded("apply again")
                        .out());
    }

    @Test
    void applyFolderRecursively() throws IOException {
        Path folder = Files.createDirectories(work.resolve("apply-folder/nested"));
        Files.writeString(folder.getParent().resolve("one.yaml"), configMap("apply-folder-one", "a: \"1\""));
        Files.writeString(folder.resolve("two.yaml"), configMap("apply-folder-two", "a: \"2\""));
        String out = kubectl.run("apply", "-R", "-f", folder.getParent().toString())
                .assertSucceeded("apply -R")
                .out();
        assertTrue(out.contains("configmap/apply-folder-one created"), out);
        assertTrue(out.contains("configmap/apply-folder-two created"), out);
    }

    @Test
    void applyStdin() {
        String out = kubectl.runWithInput("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: NumberingPlan
                        metadata: {name: conformance-stdin}
                        spec:
                          rules:
                          - {match: "^0", replace: "+33"}
                        """, "apply", "-f", "-")
                .assertSucceeded("apply -f -")
                .out();
        assertEquals("numberingplan.pbxops.io/conformance-stdin created\n", out);
    }

    @Test
    void applyList() throws IOException {
        Path list = Files.writeString(work.resolve("list.yaml"), """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: list-cm}
                  data: {a: "1"}
                - apiVersion: pbxops.io/v1alpha1
                  kind: NumberingPlan
                  metadata: {name: list-plan}
                  spec:
                    rules:
                    - {match: "^0", replace: "+33"}
                """);
        String out = kubectl.run("apply", "-f", list.toString())
                .assertSucceeded("apply a List")
                .out();
        assertEquals("configmap/list-cm created\nnumberingplan.pbxops.io/list-plan created\n", out);

        Path invalid = Files.writeString(work.resolve("invalid-list.yaml"), """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: pbxops.io/v1alpha1
                  kind: Company
                  metadata: {name: list-bad}
                  spec: {displayName: Bad, country: XXX}
                """);
        Kubectl.Result refused = kubectl.run("apply", "-f", invalid.toString());
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("The Company \"list-bad\" is invalid: spec.country"), refused.err());
    }

    @Test
    void getWatch() throws Exception {
        try (Kubectl.Running watch = kubectl.start("get", "configmaps", "-l", "conformance=watch", "-w")) {
            kubectl.runWithInput(configMap("watched", "a: \"1\"", "conformance: watch"), "apply", "-f", "-")
                    .assertSucceeded("create the watched ConfigMap");
            await().atMost(Duration.ofSeconds(30)).until(() -> watch.out().contains("watched"));
            kubectl.run("patch", "cm", "watched", "--type", "merge", "-p", "{\"data\":{\"b\":\"2\"}}")
                    .assertSucceeded("patch it");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> watch.out()
                                    .lines()
                                    .filter(line -> line.startsWith("watched "))
                                    .count()
                            >= 2);
            assertTrue(watch.out().startsWith("NAME "), "one header, then a row per change:\n" + watch.out());
            assertTrue(watch.alive(), "the watch goes on:\n" + watch.err());
        }
    }

    @Test
    void getWatchJson() throws Exception {
        try (Kubectl.Running watch = kubectl.start(
                "get", "configmaps", "-l", "conformance=watch-json", "-w", "-o", "json", "--output-watch-events")) {
            kubectl.runWithInput(configMap("watched-json", "a: \"1\"", "conformance: watch-json"), "apply", "-f", "-")
                    .assertSucceeded("create");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> events(watch.out()).size() >= 1);
            kubectl.run("patch", "cm", "watched-json", "--type", "merge", "-p", "{\"data\":{\"b\":\"2\"}}")
                    .assertSucceeded("patch");
            kubectl.run("delete", "cm", "watched-json").assertSucceeded("delete");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> events(watch.out()).size() >= 3);
            List<JsonNode> events = events(watch.out());
            assertEquals(
                    List.of("ADDED", "MODIFIED", "DELETED"),
                    events.stream().map(e -> e.path("type").asText()).toList());
            long first = Long.parseLong(
                    events.get(0).at("/object/metadata/resourceVersion").asText());
            long last = Long.parseLong(
                    events.get(2).at("/object/metadata/resourceVersion").asText());
            assertTrue(first < last, "resource versions grow: " + first + ", " + last);
        }
    }

    @Test
    void waitForConditionReady() {
        String out = kubectl.run("wait", "--for=condition=Ready", "pbx/acme-oxe1", "--timeout=60s")
                .assertSucceeded("kubectl wait --for=condition=Ready")
                .out();
        assertEquals("pbx.pbxops.io/acme-oxe1 condition met\n", out);
    }

    @Test
    void waitForDelete() throws Exception {
        kubectl.runWithInput(configMap("to-wait-for", "a: \"1\""), "apply", "-f", "-")
                .assertSucceeded("create");
        try (Kubectl.Running wait =
                kubectl.start("wait", "--for=delete", "configmap/to-wait-for", "--timeout=60s", "-v=6")) {
            // kubectl logs its requests at -v=6: deleted once its watch has started, so that it has to see it go.
            await().atMost(Duration.ofSeconds(30)).until(() -> wait.err().contains("watch=true"));
            client.configMaps().inNamespace("default").withName("to-wait-for").delete();
            assertEquals(0, wait.exitWithin(30), wait.err());
            assertTrue(wait.out().contains("configmap/to-wait-for condition met"), wait.out());
        }
    }

    @Test
    void applyServerSide() throws IOException {
        Path file = Files.writeString(work.resolve("ssa.yaml"), configMap("ssa", "a: \"1\"\n  b: \"2\""));
        assertEquals(
                "configmap/ssa serverside-applied\n",
                kubectl.run("apply", "--server-side", "-f", file.toString())
                        .assertSucceeded("ssa")
                        .out());
        kubectl.run("patch", "cm", "ssa", "--type", "merge", "-p", "{\"data\":{\"a\":\"changed\"}}")
                .assertSucceeded("another manager changes a");

        Kubectl.Result conflict = kubectl.run("apply", "--server-side", "-f", file.toString());
        assertEquals(1, conflict.exitCode(), conflict.out());
        assertTrue(
                conflict.err()
                        .contains("Apply failed with 1 conflict: conflict with \"kubectl-patch\" using v1: .data.a"),
                conflict.err());

        kubectl.run(
                        "apply",
                        "--server-side",
                        "--force-conflicts",
                        "--field-manager",
                        "kustomize-controller",
                        "-f",
                        file.toString())
                .assertSucceeded("forced, as a GitOps agent applies");
        JsonNode stored = json(kubectl.run("get", "cm", "ssa", "-o", "json", "--show-managed-fields")
                .assertSucceeded("get")
                .out());
        assertEquals("1", stored.at("/data/a").asText());
        List<String> managers = new ArrayList<>();
        stored.at("/metadata/managedFields")
                .forEach(entry -> managers.add(entry.path("manager").asText() + "/"
                        + entry.path("operation").asText()));
        assertTrue(managers.contains("kustomize-controller/Apply"), managers.toString());
        assertFalse(managers.contains("kubectl-patch/Update"), "forcing took the field: " + managers);
    }

    @Test
    void diff() throws IOException {
        Path file = Files.writeString(work.resolve("diff.yaml"), configMap("diffed", "a: \"1\""));
        kubectl.run("apply", "-f", file.toString()).assertSucceeded("apply");
        Kubectl.Result same = kubectl.run("diff", "-f", file.toString());
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertEquals("", same.out());
        Files.writeString(file, configMap("diffed", "a: \"2\""));
        Kubectl.Result changed = kubectl.run("diff", "-f", file.toString());
        assertEquals(1, changed.exitCode(), changed.err());
        assertTrue(changed.out().contains("-  a: \"1\"") && changed.out().contains("+  a: \"2\""), changed.out());
    }

    @Test
    void edit() {
        kubectl.runWithInput(configMap("edited", "colour: blue"), "apply", "-f", "-")
                .assertSucceeded("create");
        String out = kubectl.runWithEnvironment(
                        Map.of("KUBE_EDITOR", "sed -i s/colour:\\ blue/colour:\\ green/"),
                        "edit",
                        "configmap",
                        "edited")
                .assertSucceeded("kubectl edit")
                .out();
        assertEquals("configmap/edited edited\n", out);
        assertEquals(
                "green",
                kubectl.run("get", "cm", "edited", "-o", "jsonpath={.data.colour}")
                        .out());
    }

    @Test
    void patchMerge() {
        kubectl.runWithInput(configMap("patched-merge", "a: \"1\"\n  b: \"2\""), "apply", "-f", "-")
                .assertSucceeded("create");
        kubectl.run("patch", "cm", "patched-merge", "--type", "merge", "-p", "{\"data\":{\"a\":null,\"c\":\"3\"}}")
                .assertSucceeded("merge patch");
        assertEquals(
                "{\"b\":\"2\",\"c\":\"3\"}",
                kubectl.run("get", "cm", "patched-merge", "-o", "jsonpath={.data}")
                        .out());
    }

    @Test
    void patchJson() {
        kubectl.runWithInput(configMap("patched-json", "a: \"1\""), "apply", "-f", "-")
                .assertSucceeded("create");
        kubectl.run(
                        "patch",
                        "cm",
                        "patched-json",
                        "--type",
                        "json",
                        "-p",
                        "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"2\"},{\"op\":\"add\",\"path\":\"/data/b\",\"value\":\"3\"}]")
                .assertSucceeded("json patch");
        assertEquals(
                "{\"a\":\"2\",\"b\":\"3\"}",
                kubectl.run("get", "cm", "patched-json", "-o", "jsonpath={.data}")
                        .out());
    }

    @Test
    void patchStrategic() {
        kubectl.runWithInput(configMap("patched-strategic", "a: \"1\""), "apply", "-f", "-")
                .assertSucceeded("create");
        kubectl.run("patch", "cm", "patched-strategic", "--type", "strategic", "-p", "{\"data\":{\"b\":\"2\"}}")
                .assertSucceeded("strategic merge patch of a built-in kind");
        assertEquals(
                "{\"a\":\"1\",\"b\":\"2\"}",
                kubectl.run("get", "cm", "patched-strategic", "-o", "jsonpath={.data}")
                        .out());
        Kubectl.Result custom =
                kubectl.run("patch", "company", "acme", "--type", "strategic", "-p", "{\"spec\":{\"siteName\":\"x\"}}");
        assertNotEquals(0, custom.exitCode(), "custom resources have no strategic merge, as on kube-apiserver");
        assertTrue(custom.err().contains("application/merge-patch+json"), custom.err());
    }

    @Test
    void label() {
        assertEquals(
                "pbx.pbxops.io/oxo90 labeled\n",
                kubectl.run("label", "pbx", "oxo90", "conformance=yes")
                        .assertSucceeded("label")
                        .out());
        assertEquals(
                "oxo90",
                kubectl.run("get", "pbx", "-l", "conformance=yes", "-o", "jsonpath={.items[*].metadata.name}")
                        .out());
        kubectl.run("label", "pbx", "oxo90", "conformance-").assertSucceeded("remove the label");
        assertEquals(
                "",
                kubectl.run("get", "pbx", "-l", "conformance=yes", "-o", "jsonpath={.items[*].metadata.name}")
                        .out());
    }

    @Test
    void annotate() {
        assertEquals(
                "company.pbxops.io/globex annotated\n",
                kubectl.run("annotate", "company", "globex", "conformance/note=hello")
                        .assertSucceeded("annotate")
                        .out());
        assertEquals(
                "hello",
                kubectl.run("get", "company", "globex", "-o", "jsonpath={.metadata.annotations.conformance/note}")
                        .out());
    }

    @Test
    void deleteWait() {
        kubectl.runWithInput("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: Company
                        metadata: {name: conformance-co}
                        spec: {displayName: Conformance, country: FRA}
                        """, "apply", "-f", "-").assertSucceeded("create a Company");
        kubectl.run("wait", "--for=condition=Ready", "company/conformance-co", "--timeout=60s")
                .assertSucceeded("the operator has it");
        // The operator's finalizer goes once the cloud side is done: kubectl delete waits for it.
        assertEquals(
                "company.pbxops.io \"conformance-co\" deleted\n",
                kubectl.run("delete", "company", "conformance-co", "--wait", "--timeout=60s")
                        .assertSucceeded("delete --wait")
                        .out());
        Kubectl.Result gone = kubectl.run("get", "company", "conformance-co");
        assertEquals(1, gone.exitCode());
        assertEquals("Error from server (NotFound): companies.pbxops.io \"conformance-co\" not found\n", gone.err());
    }

    @Test
    void explain() {
        String out = kubectl.run("explain", "pbx.spec.type")
                .assertSucceeded("explain")
                .out();
        assertTrue(out.contains("KIND:       Pbx") && out.contains("OXOConnect"), out);
        Kubectl.Result builtIn = kubectl.run("explain", "secret");
        assertNotEquals(0, builtIn.exitCode(), "the embedded API server has no schemas of built-in kinds");
        assertTrue(builtIn.err().contains("not found in OpenAPI schema"), builtIn.err());
    }

    @Test
    void getEventsWithFieldSelectors() {
        await().atMost(CONVERGENCE)
                .until(() -> !kubectl.run(
                                "get",
                                "events",
                                "--field-selector",
                                "involvedObject.kind=Pbx,involvedObject.name=acme-oxe1")
                        .out()
                        .isBlank());
        String out = kubectl.run(
                        "get",
                        "events",
                        "--field-selector",
                        "involvedObject.kind=Pbx,involvedObject.name=acme-oxe1,type=Normal",
                        "-o",
                        "jsonpath={range .items[*]}{.involvedObject.name}{\"\\n\"}{end}")
                .assertSucceeded("get events --field-selector")
                .out();
        assertFalse(out.isBlank());
        assertTrue(out.lines().allMatch("acme-oxe1"::equals), out);
        Kubectl.Result unsupported = kubectl.run("get", "events", "--field-selector", "spec.x=y");
        assertNotEquals(0, unsupported.exitCode());
        assertTrue(unsupported.err().contains("field label not supported: spec.x"), unsupported.err());
    }

    @Test
    void apiResources() {
        String out =
                kubectl.run("api-resources").assertSucceeded("api-resources").out();
        assertTrue(out.lines().anyMatch(line -> line.matches("pbxs +px +pbxops.io/v1alpha1 +true +Pbx")), out);
        assertTrue(out.lines().anyMatch(line -> line.matches("secrets +v1 +true +Secret")), out);
    }

    @Test
    void authCanI() {
        assertEquals(
                "yes\n",
                kubectl.run("auth", "can-i", "create", "pbxs")
                        .assertSucceeded("can-i")
                        .out());
        assertEquals(
                "yes\n",
                kubectl.run("auth", "can-i", "delete", "secrets", "-n", "default")
                        .assertSucceeded("can-i")
                        .out());
    }

    @Test
    void getAMissingObjectNamesIt() {
        Kubectl.Result missing = kubectl.run("get", "pbx", "nope");
        assertEquals(1, missing.exitCode());
        assertEquals("Error from server (NotFound): pbxs.pbxops.io \"nope\" not found\n", missing.err());
    }

    private static String configMap(String name, String data, String... labels) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n"
                + (labels.length == 0 ? "" : "  labels: {" + String.join(", ", labels) + "}\n") + "data:\n  " + data
                + "\n";
    }

    private static List<JsonNode> events(String out) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(out)) {
            while (values.hasNext()) {
                events.add(values.next());
            }
        } catch (IOException | RuntimeException e) {
            // a value still being written: the ones before it count
        }
        return events;
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
