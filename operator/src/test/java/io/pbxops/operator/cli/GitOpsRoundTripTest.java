package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.gitops.SimulatedFleet;
import io.pbxops.operator.manifest.ManifestReader;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.operator.testing.CurrentStatus;
import io.pbxops.operator.testing.ManifestFiles;
import io.pbxops.operator.testing.NoWrites;
import io.pbxops.operator.testing.TestCluster;
import io.pbxops.operator.testing.TestOperators;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Day one of a reseller's GitOps repository: a fleet of 208 PBXs over 40 companies, with shares, gateways and
 * numbering plans, exists in the cloud; {@code export} writes it as manifests, {@code validate} finds nothing, the
 * operator (as {@code run} composes it) adopts every object, and {@code plan} then shows no change, while the cloud
 * received no write at all from the moment the manifests were applied. Then a change: what {@code plan} shows is what
 * the operator writes.
 */
class GitOpsRoundTripTest {

    static final String NAMESPACE = "fleet";
    static final SimulatedFleet.Sizes FLEET = new SimulatedFleet.Sizes(40, 8);
    static final Duration CONVERGENCE = Duration.ofSeconds(90);
    /** The one sign-in of an operator that starts. */
    static final String LOGIN = "GET /api/rainbow/authentication/v1.0/login";

    @Test
    void exportValidateApplyPlanChangesNothingAndTheCloudSeesNoWrite(@TempDir Path temp) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults()
                .withCloudPort(0)
                .withO2gPort(0)
                .withSeed(5L)
                .withAutoFleet(true)
                .withActivationDelay(Duration.ofMillis(20))
                .withUpgradeDelay(Duration.ofMillis(100));
        try (Simulator simulator = Simulator.start(config);
                TestCluster cluster = TestCluster.start()) {
            try (RainbowClient client = CloudAccount.client(simulator)) {
                new SimulatedFleet(client).create(FLEET);
            }
            Path credentials = temp.resolve("credentials");
            Path fleet = temp.resolve("fleet");

            Commands.Run export = Commands.readingOnly(simulator, credentials, "export", "--out", fleet.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            Commands.Run validate = Commands.run("validate", fleet.toString());
            assertEquals(0, validate.exit(), validate.out());

            OperatorSettings settings = OperatorSettings.defaults()
                    .withNamespaces(Set.of(NAMESPACE))
                    .withPendingRecheck(Duration.ofSeconds(3))
                    .withFailureBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
            NoWrites adoption =
                    NoWrites.from(simulator, TestOperators.longestWait(settings).plus(Duration.ofSeconds(1)));
            try (OperatorRuntime operator = operator(cluster.client(), simulator, settings)) {
                operator.start();
                List<HasMetadata> applied = apply(cluster.client(), fleet);
                assertTrue(applied.stream().filter(o -> o instanceof Pbx).count() >= 200, "at least 200 PBXs");
                awaitAdopted(cluster.client());
                adoption.assertOnly("the operator adopting the export", Map.of(LOGIN, 1L));

                Commands.Run plan = Commands.readingOnly(simulator, credentials, "plan", fleet.toString());
                assertEquals(PlanCommandTest.NO_CHANGES, plan.exit(), plan.out() + plan.err());
                assertTrue(plan.out().contains("No changes."), plan.out());

                aPlannedChangeIsWhatTheOperatorWrites(
                        cluster.client(), simulator, credentials, fleet, TestOperators.longestWait(settings));
            }
        }
    }

    /**
     * Then a pull request: a company's country, the common numbering rules (48 PBXs use them) and a gateway's version.
     * The plan's updates are exactly the operator's writes once it is applied, and a plan afterwards shows none.
     */
    private static void aPlannedChangeIsWhatTheOperatorWrites(
            KubernetesClient client, Simulator simulator, Path credentials, Path fleet, Duration operatorWait)
            throws Exception {
        ManifestFiles.edit(fleet.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: AUT");
        ManifestFiles.edit(fleet.resolve("numbering-plans.yaml"), "replace: \"039067\"", "replace: \"039068\"");
        Path gateways = fleet.resolve("companies/company-002-sa/gateways.yaml");
        Files.writeString(
                gateways,
                Files.readString(gateways)
                        .replaceFirst("softwareVersion: \"?2\\.4\\.1\"?", "softwareVersion: \"2.5.0\""));

        Commands.Run plan = Commands.readingOnly(simulator, credentials, "plan", fleet.toString(), "-o", "json");
        assertEquals(PlanCommandTest.CHANGES, plan.exit(), plan.out() + plan.err());
        JsonNode summary = new ObjectMapper().readTree(plan.out()).path("summary");
        assertEquals(50, summary.path("update").asInt(), plan.out());
        assertEquals(
                0,
                summary.path("create").asInt()
                        + summary.path("delete").asInt()
                        + summary.path("link").asInt()
                        + summary.path("unlink").asInt()
                        + summary.path("reset").asInt(),
                plan.out());

        NoWrites applying = NoWrites.from(simulator, operatorWait.plus(Duration.ofSeconds(1)));
        reapply(client, fleet);
        AtomicReference<Long> puts = new AtomicReference<>(0L);
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                puts.set(puts(applying.since()));
                return puts.get() >= 50 && awaited(client).isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "the operator made " + puts.get() + " updates of the 50 planned; waiting for " + awaited(client),
                    e);
        }
        Map<String, Long> updates = applying.since();
        assertEquals(50, puts(updates), "updates: " + updates);
        updates.keySet().removeIf(route -> !route.startsWith("PUT "));
        // Nothing created, deleted or signed in for, and no update more within the operator's longest backoff.
        applying.assertOnly("applying the planned change", updates);

        Commands.Run again = Commands.readingOnly(simulator, credentials, "plan", fleet.toString());
        assertEquals(PlanCommandTest.NO_CHANGES, again.exit(), again.out() + again.err());
    }

    private static long puts(Map<String, Long> writes) {
        return writes.entrySet().stream()
                .filter(e -> e.getKey().startsWith("PUT "))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** What {@code kubectl apply} of the edited folder does here: each object's spec replaced where it changed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reapply(KubernetesClient client, Path fleet) throws Exception {
        for (HasMetadata object :
                DeclaredFleet.of(ManifestReader.read(List.of(fleet))).all()) {
            CustomResource wanted = (CustomResource) object;
            CustomResource current = (CustomResource) client.resources(wanted.getClass())
                    .inNamespace(NAMESPACE)
                    .withName(wanted.getMetadata().getName())
                    .get();
            if (!Serialization.asJson(current.getSpec()).equals(Serialization.asJson(wanted.getSpec()))) {
                client.resources(wanted.getClass())
                        .inNamespace(NAMESPACE)
                        .withName(wanted.getMetadata().getName())
                        .edit(edited -> {
                            ((CustomResource) edited).setSpec(wanted.getSpec());
                            return edited;
                        });
            }
        }
    }

    /** The operator exactly as {@code run} composes it, on the mock API server and the simulators. */
    private static OperatorRuntime operator(KubernetesClient client, Simulator simulator, OperatorSettings settings) {
        return TestOperators.runtime(
                client,
                TestOperators.runtimeSettings(
                        simulator.cloudUrl(), CloudBudget.of(16, 200, Duration.ofMinutes(1)), settings),
                CloudCredentialsSource.of(CloudAccount.credentials(simulator.config())),
                simulator.o2gUrl());
    }

    private static List<HasMetadata> apply(KubernetesClient client, Path fleet) throws Exception {
        List<HasMetadata> objects =
                DeclaredFleet.of(ManifestReader.read(List.of(fleet))).all();
        for (HasMetadata object : objects) {
            object.getMetadata().setNamespace(NAMESPACE);
            client.resource(object).inNamespace(NAMESPACE).create();
        }
        return objects;
    }

    /**
     * Every object Ready, except a PBX that no installer has activated yet: adopted (its system ID in status) and
     * AwaitingActivation.
     */
    private static void awaitAdopted(KubernetesClient client) {
        AtomicReference<List<String>> waiting = new AtomicReference<>(List.of());
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                waiting.set(awaited(client));
                return waiting.get().isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    waiting.get().size() + " objects not adopted within " + CONVERGENCE + ", e.g. "
                            + waiting.get()
                                    .subList(0, Math.min(10, waiting.get().size())),
                    e);
        }
    }

    /** The objects not adopted yet, or not reconciled since their last change. */
    private static List<String> awaited(KubernetesClient client) {
        List<String> notYet = new ArrayList<>();
        for (Class<? extends CustomResource<?, ? extends PbxOpsStatus>> kind :
                List.of(Company.class, Pbx.class, PbxShare.class, WebRtcGateway.class, NumberingPlan.class)) {
            for (CustomResource<?, ? extends PbxOpsStatus> object :
                    client.resources(kind).inNamespace(NAMESPACE).list().getItems()) {
                if (!adopted(object)) {
                    notYet.add(object.getKind() + "/" + object.getMetadata().getName());
                }
            }
        }
        return notYet;
    }

    private static boolean adopted(CustomResource<?, ? extends PbxOpsStatus> object) {
        return CurrentStatus.condition(object, "Ready")
                .filter(ready -> "True".equals(ready.getStatus())
                        || object instanceof Pbx pbx
                                && "AwaitingActivation".equals(ready.getReason())
                                && pbx.getStatus().getSystemId() != null)
                .isPresent();
    }
}
