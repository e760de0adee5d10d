package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.testing.Kubectl;
import io.pbxops.operator.testing.NoWrites;
import io.pbxops.operator.testing.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cloud object, one owner, end to end through kubectl against {@code up}: the samples converge in namespace
 * {@code default}; the same fleet applied into a second namespace, and objects there that name the first one's
 * cloud IDs in their external-id annotation, are refused with {@code Conflict} naming the owner, and write nothing;
 * deleting them all from the second namespace deletes nothing in the cloud, and the first namespace's objects and
 * their cloud counterparts stay exactly as they were. Moving a company's PBX to another company is refused at the door.
 */
class OwnershipEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the operator's longest recheck in {@code up}: a claimant that was going to write would have. */
    private static final Duration QUIET = Duration.ofSeconds(6);

    @TempDir
    Path work;

    @Test
    void aSecondNamespaceCannotTakeOrDeleteWhatTheFirstOwns() throws Exception {
        try (UpSession up = UpSession.start(work, "--manifests", Samples.FOLDER.toString())) {
            up.awaitConverged();
            Kubectl kubectl = up.kubectl();
            Map<String, String> cloudBefore = cloudObjects(up.cloudState());
            JsonNode owners = JSON.readTree(kubectl.run("get", "pbxops", "-n", "default", "-o", "json")
                    .assertSucceeded("kubectl get pbxops -n default")
                    .out());
            String acmeCompanyId =
                    statusOf(owners, "Company", "acme").path("companyId").asText();
            String acmeSystemId =
                    statusOf(owners, "Pbx", "acme-oxe1").path("systemId").asText();
            NoWrites noWrites = NoWrites.from(up::requestCounts, QUIET).matching(route -> !route.contains("/sim/v1"));

            // Nor can an object move its PBX to another company: the cloud would keep it where it is.
            Kubectl.Result moved = kubectl.run(
                    "patch",
                    "pbx",
                    "umbrella-oxo",
                    "--type",
                    "merge",
                    "-p",
                    "{\"spec\":{\"companyRef\":{\"name\":\"acme\"}}}");
            assertEquals(1, moved.exitCode(), moved.out());
            assertTrue(moved.err().contains("spec.companyRef: companyRef cannot change"), moved.err());

            kubectl.runWithInput("""
                            apiVersion: v1
                            kind: Namespace
                            metadata: {name: second}
                            """, "apply", "-f", "-").assertSucceeded("kubectl apply a Namespace");
            kubectl.run("apply", "-R", "-f", Samples.FOLDER.toString(), "-n", "second")
                    .assertSucceeded("kubectl apply the samples into a second namespace");
            kubectl.runWithInput(thieves(acmeCompanyId, acmeSystemId), "apply", "-n", "second", "-f", "-")
                    .assertSucceeded("kubectl apply objects annotated with the first namespace's cloud IDs");

            awaitConflict(kubectl, "company", "acme", "Company default/acme");
            awaitConflict(kubectl, "company", "thief-company", "Company default/acme");
            awaitConflict(kubectl, "pbx", "thief-pbx", "Pbx default/acme-oxe1");
            awaitConflict(kubectl, "pbx", "oxo90", "Pbx default/oxo90");
            // A company's PBX waits for its Company, itself in Conflict: it reaches the cloud no sooner.
            awaitReason(kubectl, "pbx", "globex-oxo-evo", "DependencyNotReady", "Company globex");
            noWrites.assertNone("claimants in a second namespace");

            kubectl.run("delete", "-R", "-f", Samples.FOLDER.toString(), "-n", "second", "--wait=true")
                    .assertSucceeded("kubectl delete the second namespace's copy of the samples");
            kubectl.runWithInput(thieves(acmeCompanyId, acmeSystemId), "delete", "-n", "second", "-f", "-")
                    .assertSucceeded("kubectl delete the annotated claimants");
            await().atMost(UpSession.CONVERGENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() ->
                            kubectl.run("get", "pbxops", "-n", "second").err().contains("No resources found"));
            noWrites.assertNone("deleting the claimants of a second namespace");

            assertEquals(cloudBefore, cloudObjects(up.cloudState()), "the cloud is as it was");
            JsonNode after = JSON.readTree(kubectl.run("get", "pbxops", "-n", "default", "-o", "json")
                    .assertSucceeded("kubectl get pbxops -n default")
                    .out());
            assertEquals(readiness(owners), readiness(after), "the first namespace's objects are as they were");
        }
    }

    /** A Company and a shared Pbx of other names that claim the first namespace's company and system by ID. */
    private static String thieves(String companyId, String systemId) {
        return """
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata:
                  name: thief-company
                  annotations: {pbxops.io/external-id: "%s"}
                spec: {displayName: Thief Corp, country: FRA}
                ---
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata:
                  name: thief-pbx
                  annotations: {pbxops.io/external-id: "%s"}
                spec:
                  shared: true
                  serverName: THIEF
                  type: OXOConnect
                  dialing: {country: FRA}
                """.formatted(companyId, systemId);
    }

    private static void awaitConflict(Kubectl kubectl, String kind, String name, String owner) {
        awaitReason(kubectl, kind, name, "Conflict", owner);
    }

    private static void awaitReason(Kubectl kubectl, String kind, String name, String reason, String named) {
        await().atMost(UpSession.CONVERGENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode object = JSON.readTree(kubectl.run("get", kind, name, "-n", "second", "-o", "json")
                            .assertSucceeded("kubectl get " + kind + " " + name)
                            .out());
                    JsonNode ready = condition(object, "Ready");
                    assertEquals(
                            reason, ready.path("reason").asText(), kind + "/" + name + ": " + object.path("status"));
                    assertTrue(ready.path("message").asText().contains(named), "names " + named + ": " + ready);
                });
    }

    /** Every company, site, system and gateway of the simulated cloud, by ID, with what identifies it. */
    private static Map<String, String> cloudObjects(JsonNode state) {
        Map<String, String> objects = new TreeMap<>();
        for (String collection : List.of("companies", "sites", "systems", "mediaPillars")) {
            for (JsonNode object : state.path(collection)) {
                objects.put(
                        collection + "/" + object.path("id").asText(),
                        object.path("name").asText() + " " + object.path("siteId") + " "
                                + object.path("pbxId").asText() + " "
                                + object.path("status").asText());
            }
        }
        return objects;
    }

    /** Each object of a list with its Ready condition and cloud IDs. */
    private static Map<String, String> readiness(JsonNode list) {
        Map<String, String> readiness = new TreeMap<>();
        for (JsonNode object : list.path("items")) {
            JsonNode status = object.path("status");
            JsonNode ready = condition(object, "Ready");
            readiness.put(
                    object.path("kind").asText() + "/"
                            + object.path("metadata").path("name").asText(),
                    ready.path("status").asText() + " " + ready.path("reason").asText() + " "
                            + status.path("companyId").asText()
                            + status.path("siteId").asText()
                            + status.path("systemId").asText()
                            + status.path("cloudId").asText());
        }
        return readiness;
    }

    private static JsonNode statusOf(JsonNode list, String kind, String name) {
        List<JsonNode> found = new ArrayList<>();
        list.path("items").forEach(object -> {
            if (kind.equals(object.path("kind").asText())
                    && name.equals(object.path("metadata").path("name").asText())) {
                found.add(object.path("status"));
            }
        });
        assertEquals(1, found.size(), kind + "/" + name + " in " + list);
        return found.get(0);
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return JSON.createObjectNode();
    }
}
