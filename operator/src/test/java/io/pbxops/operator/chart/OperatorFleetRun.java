package io.pbxops.operator.chart;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.Installer;
import io.pbxops.operator.testing.Samples;
import io.pbxops.operator.testing.TestOperators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operator as the chart runs it — two replicas with leader election on a Lease in the release namespace,
 * watching all namespaces or a list — taken through a fleet's whole life: the samples applied and converged, a drift
 * corrected, a reset, the leader stopping and the other replica taking over, everything deleted. The replicas' API
 * clients carry their own user agent, so that their requests can be told from the ones the test makes.
 */
final class OperatorFleetRun implements AutoCloseable {

    static final String OPERATOR_USER_AGENT = "pbx-operator-under-audit";
    /** Where the chart is installed: the Lease lives there. */
    static final String RELEASE_NAMESPACE = "pbx-operator";

    static final String LEASE = "pbx-operator";

    private final FleetHarness fleet;
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<OperatorRuntime> replicas = new ArrayList<>();
    private final OwnerReferenceLog ownerReferences = new OwnerReferenceLog();

    private OperatorFleetRun(Set<String> watchedNamespaces) {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true), settings -> settings, false);
        CloudCredentialsSource credentials = CloudCredentialsSource.of(
                CloudAccount.credentials(fleet.simulator().config()));
        for (String identity : List.of("pbx-operator-a", "pbx-operator-b")) {
            KubernetesClient client = operatorClient();
            clients.add(client);
            OperatorSettings settings = TestOperators.quickSettings(watchedNamespaces)
                    .withLeaderElection(TestOperators.quickLeaderElection(LEASE, RELEASE_NAMESPACE, identity));
            replicas.add(TestOperators.runtime(
                    client,
                    TestOperators.runtimeSettings(fleet.simulator().cloudUrl(), CloudBudget.defaults(), settings),
                    credentials,
                    fleet.simulator().o2gUrl()));
        }
        Samples.addTheirPbxs(fleet.simulator());
    }

    /**
     * A client of the test API server as the operator's pod would have: its requests carry the operator's user agent,
     * and the bodies of its writes are kept (the server consumes them) for the owner references they set.
     */
    private KubernetesClient operatorClient() {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(fleet.client().getConfiguration())
                        .withUserAgent(OPERATOR_USER_AGENT)
                        .build())
                .withHttpClientBuilderConsumer(
                        builder -> builder.addOrReplaceInterceptor("owner-references", ownerReferences))
                .build();
    }

    /** Starts both replicas; one becomes the leader. */
    static OperatorFleetRun start(Set<String> watchedNamespaces) {
        OperatorFleetRun run = new OperatorFleetRun(watchedNamespaces);
        run.replicas.forEach(OperatorRuntime::start);
        await().atMost(FleetHarness.CONVERGENCE).until(() -> run.leader() != null);
        return run;
    }

    /** Every step of the fleet's life, in order. */
    void wholeLife() {
        applySamplesAndConverge();
        correctDrift();
        resetAPbx();
        handOver();
        deleteEverything();
    }

    void applySamplesAndConverge() {
        for (Path file : Samples.files()) {
            fleet.apply(Samples.read(file));
        }
        fleet.awaitCondition(Pbx.class, "umbrella-oxo", "Ready", "False", "AwaitingActivation");
        Installer.typeTheCode(
                fleet.simulator(), Samples.BUILD_TO_ORDER_SERIAL, fleet.get(Secret.class, "umbrella-oxo-activation"));
        fleet.awaitEveryObjectReady(List.of(Company.class, NumberingPlan.class, Pbx.class, PbxShare.class));
        fleet.awaitReady(WebRtcGateway.class, "acme-oxe1-gw");
        fleet.awaitQuiet();
    }

    /**
     * A company renamed and a share unlinked in the cloud by hand: the drift check reads each object concerned and
     * records an event on it.
     */
    void correctDrift() {
        OperatorRuntime leader = leader();
        String companyId = fleet.get(Company.class, "globex").getStatus().getCompanyId();
        leader.rainbow().companies().update(companyId, CompanySettings.named("Globex (renamed by hand)"));
        String systemId = fleet.get(Pbx.class, "oxo90").getStatus().getSystemId();
        String siteId = fleet.get(Company.class, "initech").getStatus().getSiteId();
        leader.rainbow().systems().unlink(siteId, systemId);
        if (leader.drift().checkOnce() < 2) {
            throw new AssertionError("the drift check did not find the renamed company and the unlinked share");
        }
        await().atMost(FleetHarness.CONVERGENCE)
                .until(() ->
                        fleet.cloud().companiesNamed("Globex (renamed by hand)").isEmpty()
                                && fleet.cloud()
                                        .system("OXO90")
                                        .path("siteId")
                                        .toString()
                                        .contains(siteId));
        fleet.awaitQuiet();
    }

    /** A new reset token: the reset is recorded in the status first, then a new code goes to the activation Secret. */
    void resetAPbx() {
        fleet.edit(Pbx.class, "acme-oxe1", pbx -> {
            pbx.getSpec().setResetToken("audit-1");
            return pbx;
        });
        await().atMost(FleetHarness.CONVERGENCE).ignoreExceptions().until(() -> {
            Pbx pbx = fleet.get(Pbx.class, "acme-oxe1");
            return "audit-1".equals(pbx.getStatus().getLastResetToken());
        });
        fleet.awaitReady(Pbx.class, "acme-oxe1");
    }

    /** The leader stops (as a pod does on SIGTERM); the other replica takes the Lease over. */
    void handOver() {
        OperatorRuntime leader = leader();
        leader.close();
        OperatorRuntime other = replicas.get(replicas.indexOf(leader) == 0 ? 1 : 0);
        await().atMost(FleetHarness.CONVERGENCE).until(() -> other.operator().isLeading());
    }

    /** The sample files deleted: finalizers run, cloud objects and activation Secrets go. */
    void deleteEverything() {
        for (Path file : Samples.files()) {
            try (InputStream in = Files.newInputStream(file)) {
                fleet.client().load(in).inNamespace(FleetHarness.NAMESPACE).delete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        fleet.awaitNoObjectLeft(
                List.of(Company.class, NumberingPlan.class, Pbx.class, PbxShare.class, WebRtcGateway.class));
        fleet.awaitQuiet();
    }

    /** The requests the replicas made since the last call (the test's own left out). */
    List<RecordedRequest> takeOperatorRequests() {
        return fleet.cluster().takeRequests().stream()
                .filter(request -> OPERATOR_USER_AGENT.equals(request.getHeader("User-Agent")))
                .toList();
    }

    /** The owner references with blockOwnerDeletion that the replicas' writes set. */
    List<OwnerReferenceLog.Write> blockingOwnerReferences() {
        return ownerReferences.writes();
    }

    OperatorRuntime leader() {
        return replicas.stream()
                .filter(r -> r.operator().isLeading())
                .findFirst()
                .orElse(null);
    }

    FleetHarness fleet() {
        return fleet;
    }

    @Override
    public void close() {
        replicas.forEach(OperatorRuntime::close);
        clients.forEach(KubernetesClient::close);
        fleet.close();
    }
}
