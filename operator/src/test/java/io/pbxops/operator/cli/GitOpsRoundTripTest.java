package io.pbxops.operator.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.gitops.CloudAccount;
import io.pbxops.operator.gitops.CloudWrites;
import io.pbxops.operator.gitops.DeclaredFleet;
import io.pbxops.operator.gitops.SimulatedFleet;
import io.pbxops.operator.manifest.ManifestReader;
import io.pbxops.operator.pbx.o2g.EndpointRouting;
import io.pbxops.operator.pbx.o2g.O2gClientConfig;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.reconcile.StatusConditions;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.runtime.RuntimeSettings;
import io.pbxops.operator.testing.TestCluster;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Day one of a reseller's GitOps repository: a fleet of 208 PBXs over 40 companies, with shares, gateways and
 * numbering plans, exists in the cloud; {@code export} writes it as manifests, {@code validate} finds nothing, the
 * operator (as {@code run} composes it) adopts every object, and {@code plan} then shows no change, while the cloud
 * received no write at all from the moment the manifests were applied.
 */
class GitOpsRoundTripTest {

    static final String NAMESPACE = "fleet";
    static final SimulatedFleet.Sizes FLEET = new SimulatedFleet.Sizes(40, 8);
    static final Duration CONVERGENCE = Duration.ofSeconds(90);

    @Test
    void exportValidateApplyPlanChangesNothingAndTheCloudSeesNoWrite(@TempDir Path temp) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(5L)
                .withAutoFleet(true).withActivationDelay(Duration.ofMillis(20));
        try (Simulator simulator = Simulator.start(config); TestCluster cluster = TestCluster.start()) {
            try (RainbowClient client = CloudAccount.client(simulator)) {
                new SimulatedFleet(client).create(FLEET);
            }
            List<String> cloud = CloudAccount.cliArguments(simulator, temp.resolve("credentials"));
            Path fleet = temp.resolve("fleet");

            ValidateCommandTest.Run export = command(cloud, "export", "--out", fleet.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            ValidateCommandTest.Run validate = ValidateCommandTest.run("validate", fleet.toString());
            assertEquals(0, validate.exit(), validate.out());

            Map<String, Long> writesBefore = CloudWrites.admin(simulator);
            List<HasMetadata> applied;
            try (OperatorRuntime operator = operator(cluster.client(), simulator)) {
                operator.start();
                applied = apply(cluster.client(), fleet);
                awaitAdopted(cluster.client(), applied);
            }
            assertTrue(applied.stream().filter(o -> o instanceof Pbx).count() >= 200, "at least 200 PBXs");

            ValidateCommandTest.Run plan = command(cloud, "plan", fleet.toString());
            assertEquals(PlanCommand.NO_CHANGES, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("No changes."), plan.out());
            assertEquals(writesBefore, CloudWrites.admin(simulator), "the operator wrote to the cloud while adopting the export");
        }
    }

    private static ValidateCommandTest.Run command(List<String> cloud, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(cloud);
        return ValidateCommandTest.run(all.toArray(String[]::new));
    }

    /** The operator exactly as {@code run} composes it, on the mock API server and the simulators. */
    private static OperatorRuntime operator(KubernetesClient client, Simulator simulator) {
        OperatorSettings settings = OperatorSettings.defaults().withNamespaces(Set.of(NAMESPACE))
                .withPendingRecheck(Duration.ofSeconds(20))
                .withFailureBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
        RuntimeSettings runtime = new RuntimeSettings(simulator.cloudUrl(), CloudBudget.of(16, 200, Duration.ofMinutes(1)), 100,
                O2gRainbowNames.defaults(), settings);
        return new OperatorRuntime(client, runtime, CloudCredentialsSource.of(CloudAccount.credentials(simulator.config())),
                O2gClientConfig.defaults().withRouting(EndpointRouting.forwardingTo(simulator.o2gUrl())), Clock.systemUTC());
    }

    private static List<HasMetadata> apply(KubernetesClient client, Path fleet) throws Exception {
        List<HasMetadata> objects = DeclaredFleet.of(ManifestReader.read(List.of(fleet))).all();
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
    private static void awaitAdopted(KubernetesClient client, List<HasMetadata> applied) {
        AtomicReference<List<String>> waiting = new AtomicReference<>(List.of());
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<String> notYet = new ArrayList<>();
                for (Class<? extends CustomResource<?, ? extends PbxOpsStatus>> kind : List.of(Company.class, Pbx.class,
                        PbxShare.class, WebRtcGateway.class, NumberingPlan.class)) {
                    for (CustomResource<?, ? extends PbxOpsStatus> object : client.resources(kind).inNamespace(NAMESPACE).list().getItems()) {
                        if (!adopted(object)) {
                            notYet.add(object.getKind() + "/" + object.getMetadata().getName());
                        }
                    }
                }
                waiting.set(notYet);
                return notYet.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(waiting.get().size() + " objects not adopted within " + CONVERGENCE + ", e.g. "
                    + waiting.get().subList(0, Math.min(10, waiting.get().size())), e);
        }
    }

    private static boolean adopted(CustomResource<?, ? extends PbxOpsStatus> object) {
        PbxOpsStatus status = object.getStatus();
        if (status == null) {
            return false;
        }
        return StatusConditions.find(status.getConditions(), Conditions.READY)
                .filter(ready -> "True".equals(ready.getStatus())
                        || object instanceof Pbx pbx && Conditions.Ready.AWAITING_ACTIVATION.equals(ready.getReason())
                        && pbx.getStatus().getSystemId() != null)
                .isPresent();
    }
}
