package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.reconcile.company.CompanyReconciler;
import io.pbxops.operator.reconcile.gateway.WebRtcGatewayReconciler;
import io.pbxops.operator.reconcile.pbx.PbxReconciler;
import io.pbxops.operator.reconcile.plan.NumberingPlanReconciler;
import io.pbxops.operator.reconcile.share.PbxShareReconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator: the five reconcilers on one JOSDK {@link Operator}, configured as {@code run} asks. */
public final class PbxOperator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PbxOperator.class);
    public static final String FINALIZER = "pbxops.io/finalizer";

    private final Operator operator;
    private final ReconcileSupport support;
    private final List<Reconciler<?>> reconcilers = new ArrayList<>();
    private final Ledgers ledgers = new Ledgers();
    private final Triggers triggers = new Triggers();
    private final CloudOwners systemOwners = new CloudOwners();
    private final CloudOwners gatewayOwners = new CloudOwners();
    private final Instrumentation instrumentation;

    private volatile boolean leading;
    private volatile boolean closing;

    /** What the operator last applied, per kind (the drift check reads them). */
    public record Ledgers(CloudLedger companies, CloudLedger pbxs, CloudLedger shares, CloudLedger gateways) {
        Ledgers() {
            this(new CloudLedger(), new CloudLedger(), new CloudLedger(), new CloudLedger());
        }
    }

    /** How the drift check wakes the reconcilers, per kind. */
    public record Triggers(
            DriftTrigger<Company> companies,
            DriftTrigger<Pbx> pbxs,
            DriftTrigger<PbxShare> shares,
            DriftTrigger<WebRtcGateway> gateways) {
        Triggers() {
            this(new DriftTrigger<>(), new DriftTrigger<>(), new DriftTrigger<>(), new DriftTrigger<>());
        }
    }

    /**
     * What the process hooks onto the operator.
     *
     * @param metrics       JOSDK's own metrics, or null
     * @param onStartLeading run when this replica becomes the leader (or at start, without leader election)
     * @param onStopLeading  run when it stops being the leader
     */
    public record Instrumentation(
            ReconcileObserver observer, Metrics metrics, Runnable onStartLeading, Runnable onStopLeading) {

        public static Instrumentation none() {
            return new Instrumentation(ReconcileObserver.none(), null, () -> {}, () -> {});
        }
    }

    public PbxOperator(
            KubernetesClient client,
            OperatorSettings settings,
            Clock clock,
            CloudPort cloud,
            PbxEndpointPort endpoints) {
        this(client, settings, clock, cloud, endpoints, Instrumentation.none());
    }

    public PbxOperator(
            KubernetesClient client,
            OperatorSettings settings,
            Clock clock,
            CloudPort cloud,
            PbxEndpointPort endpoints,
            Instrumentation instrumentation) {
        this.support = new ReconcileSupport(client, clock, settings, instrumentation.observer());
        this.instrumentation = instrumentation;
        this.operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(settings.useServerSideApply())
                    .withSSABasedCreateUpdateMatchForDependentResources(settings.useServerSideApply())
                    .withConcurrentReconciliationThreads(settings.reconcileThreads())
                    .withReconciliationTerminationTimeout(settings.shutdownTimeout());
            if (instrumentation.metrics() != null) {
                o.withMetrics(instrumentation.metrics());
            }
            LeaderElection election = settings.leaderElection();
            if (election != null) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(
                        election.leaseName(),
                        election.namespace(),
                        election.leaseDuration(),
                        election.renewDeadline(),
                        election.retryPeriod(),
                        election.identity(),
                        new LeaderCallbacks(
                                this::startLeading, this::stopLeading, leader -> LOG.info("the leader is {}", leader)),
                        // JOSDK would call System.exit on the thread stopping the operator, which blocks forever when
                        // that stop runs in a shutdown hook: the exit on a lost lease is ours (see stopLeading).
                        false));
            }
        });
        register(new CompanyReconciler(support, cloud, ledgers.companies(), triggers.companies()));
        register(new NumberingPlanReconciler(support));
        register(new PbxReconciler(support, cloud, endpoints, ledgers.pbxs(), triggers.pbxs(), systemOwners));
        register(new PbxShareReconciler(support, cloud, ledgers.shares(), triggers.shares()));
        register(new WebRtcGatewayReconciler(support, cloud, ledgers.gateways(), triggers.gateways(), gatewayOwners));
    }

    /** What this cloud serves beyond its public contract, as probed (the runtime probes it). */
    public CloudCapabilities capabilities() {
        return support.capabilities();
    }

    /** Which Pbx stands for which cloud system (the activation watch wakes them). */
    public CloudOwners systemOwners() {
        return systemOwners;
    }

    /** Which WebRtcGateway stands for which cloud gateway (the activation watch wakes them when an upgrade ends). */
    public CloudOwners gatewayOwners() {
        return gatewayOwners;
    }

    public Ledgers ledgers() {
        return ledgers;
    }

    public Triggers triggers() {
        return triggers;
    }

    private <R extends CustomResource<?, ?>> void register(Reconciler<R> reconciler) {
        reconcilers.add(reconciler);
        operator.register(reconciler, configure());
    }

    private <R extends CustomResource<?, ?>> Consumer<ControllerConfigurationOverrider<R>> configure() {
        OperatorSettings settings = support.settings();
        return config -> {
            if (settings.namespaces().isEmpty()) {
                config.watchingAllNamespaces();
            } else {
                config.settingNamespaces(settings.namespaces());
            }
            config.withFinalizer(FINALIZER);
            // The pause annotation changes no generation: react to annotations too, but not to our status writes.
            config.withGenerationAware(false);
            config.withOnUpdateFilter(PbxOperator::worthReconciling);
            config.withReconciliationMaxInterval(Duration.ofHours(1));
        };
    }

    static <R extends CustomResource<?, ?>> boolean worthReconciling(R newer, R older) {
        return !Objects.equals(
                        newer.getMetadata().getGeneration(), older.getMetadata().getGeneration())
                || !Objects.equals(
                        newer.getMetadata().getAnnotations(),
                        older.getMetadata().getAnnotations())
                || !Objects.equals(
                        newer.getMetadata().getDeletionTimestamp(),
                        older.getMetadata().getDeletionTimestamp())
                || !Objects.equals(
                        newer.getMetadata().getFinalizers(), older.getMetadata().getFinalizers())
                || !Objects.equals(tree(newer.getSpec()), tree(older.getSpec()));
    }

    private static Object tree(Object spec) {
        return Serialization.jsonMapper().valueToTree(spec);
    }

    public void start() {
        operator.start();
        LOG.info("pbx-operator started: {} controllers", reconcilers.size());
        if (support.settings().leaderElection() == null) {
            startLeading();
        }
    }

    /** Whether this replica reconciles now (always, without leader election). */
    public boolean isLeading() {
        return leading;
    }

    private void startLeading() {
        LOG.info("this replica reconciles now");
        leading = true;
        instrumentation.onStartLeading().run();
    }

    private void stopLeading() {
        LOG.info("this replica stopped reconciling (lease lost or released)");
        leading = false;
        instrumentation.onStopLeading().run();
        LeaderElection election = support.settings().leaderElection();
        if (!closing && election != null && election.exitWhenLeaseIsLost()) {
            // The lease was lost while running: exit and let Kubernetes restart the pod with clean caches. From a
            // thread of its own, so that the shutdown hooks can run while this one returns.
            LOG.warn("lost the lease while running: exiting so that the pod restarts clean");
            new Thread(() -> System.exit(1), "pbxops-lease-lost").start();
        }
    }

    @Override
    public void close() {
        closing = true;
        operator.stop();
    }

    /** Whether every controller's informers are synced (for readiness). */
    public boolean isStarted() {
        return operator.getRuntimeInfo().isStarted()
                && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    }
}
