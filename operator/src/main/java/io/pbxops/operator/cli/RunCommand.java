package io.pbxops.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.reconcile.LeaderElection;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.runtime.OperatorRuntime;
import io.pbxops.operator.runtime.RuntimeSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the operator against the cluster of the current kubeconfig (or the in-cluster config) and the Rainbow "
                    + "cloud: it reconciles Company, Pbx, PbxShare, WebRtcGateway and NumberingPlan objects until interrupted.",
            "",
            "The cloud credentials come from the environment (PBXOPS_CLOUD_LOGIN, PBXOPS_CLOUD_PASSWORD, PBXOPS_APP_ID, "
                    + "PBXOPS_APP_SECRET, and PBXOPS_CLOUD_URL) or from --credentials-dir, a folder with one file per name "
                    + "(a mounted Secret), re-read when the files change.",
            ""
        })
public final class RunCommand implements Callable<Integer> {

    @Option(
            names = "--kubeconfig",
            description = "The kubeconfig to use. Default: KUBECONFIG, ~/.kube/config, or the in-cluster config.")
    Path kubeconfig;

    @Mixin
    CloudOptions cloud = new CloudOptions();

    @Option(
            names = {"-n", "--namespace"},
            split = ",",
            description =
                    "A namespace to watch (repeatable, or comma-separated). Default: PBXOPS_NAMESPACES, or all namespaces.")
    List<String> namespaces;

    @Option(
            names = "--drift-interval",
            defaultValue = "5m",
            converter = DurationConverter.class,
            description = "How often the cloud is listed to correct out-of-band changes. Default: ${DEFAULT-VALUE}.")
    Duration driftInterval;

    @Option(
            names = "--pending-recheck",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description =
                    "How often a connecting PBX or an upgrading gateway is looked at again. Default: ${DEFAULT-VALUE}.")
    Duration pendingRecheck;

    @Option(
            names = "--reconcile-threads",
            defaultValue = "10",
            description = "Reconciles running at once. Default: ${DEFAULT-VALUE}.")
    int reconcileThreads;

    @Option(
            names = "--server-side-apply",
            defaultValue = "true",
            negatable = true,
            fallbackValue = "true",
            description =
                    "Patch the custom resources with server-side apply (--no-server-side-apply where the API server lacks it). Default: ${DEFAULT-VALUE}.")
    boolean serverSideApply;

    @Mixin
    O2gOptions o2g = new O2gOptions();

    @Option(
            names = "--health-port",
            defaultValue = "8081",
            description =
                    "Port of /healthz, /readyz and /metrics (Prometheus); -1 serves none. Default: ${DEFAULT-VALUE}.")
    int healthPort;

    @Option(
            names = "--health-bind",
            defaultValue = "0.0.0.0",
            description = "Address of the health and metrics endpoints. Default: ${DEFAULT-VALUE}.")
    String healthBind;

    @Option(
            names = "--leader-election",
            defaultValue = "false",
            negatable = true,
            fallbackValue = "true",
            description =
                    "Reconcile only while holding a Lease, so that several replicas never act at once. Default: ${DEFAULT-VALUE}.")
    boolean leaderElection;

    @Option(
            names = "--leader-election-namespace",
            description = "Namespace of the Lease. Default: POD_NAMESPACE, or default.")
    String leaseNamespace;

    @Option(
            names = "--leader-election-lease",
            defaultValue = "pbx-operator",
            description = "Name of the Lease. Default: ${DEFAULT-VALUE}.")
    String leaseName;

    @Option(
            names = "--log-format",
            defaultValue = "text",
            description = "text (for people) or json (one object per line). Default: ${DEFAULT-VALUE}.")
    LogSetup.Format logFormat;

    @Option(
            names = "--log-level",
            defaultValue = "INFO",
            description = "ERROR, WARN, INFO, DEBUG or TRACE. Default: ${DEFAULT-VALUE}.")
    String logLevel;

    @Option(
            names = "--shutdown-timeout",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long reconciles under way may take to finish on shutdown. Default: ${DEFAULT-VALUE}.")
    Duration shutdownTimeout;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    /** Stops a running {@code run} as SIGTERM would (for a host that runs it in process). */
    void requestStop() {
        stopRequested.countDown();
    }

    boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Integer call() throws Exception {
        LogSetup.configure(logFormat, logLevel);
        CloudCredentialsSource credentials = cloud.credentials();
        Config config =
                kubeconfig == null ? Config.autoConfigure(null) : Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient client =
                        new KubernetesClientBuilder().withConfig(config).build();
                OperatorRuntime runtime =
                        new OperatorRuntime(client, runtimeSettings(credentials), credentials, Clock.systemUTC())) {
            // SIGTERM: the hook asks for the stop and holds the JVM until the runtime is closed, which lets reconciles
            // under way finish within --shutdown-timeout.
            CountDownLatch closed = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        stopRequested.countDown();
                        try {
                            closed.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "pbxops-shutdown");
            runtime.start();
            Runtime.getRuntime().addShutdownHook(hook);
            started.countDown();
            stopRequested.await();
            runtime.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is running
            }
        }
        return 0;
    }

    RuntimeSettings runtimeSettings(CloudCredentialsSource credentials) {
        URI url = cloud.url(credentials);
        OperatorSettings operator = OperatorSettings.defaults()
                .withNamespaces(watchedNamespaces())
                .withDriftInterval(driftInterval)
                .withPendingRecheck(pendingRecheck)
                .withReconcileThreads(reconcileThreads)
                .withServerSideApply(serverSideApply)
                .withShutdownTimeout(shutdownTimeout);
        if (leaderElection) {
            String namespace = leaseNamespace != null ? leaseNamespace : envOr("POD_NAMESPACE", "default");
            operator = operator.withLeaderElection(LeaderElection.of(leaseName, namespace, identity()));
        }
        return new RuntimeSettings(url, cloud.budget(), cloud.pageSize(), o2g.drivers(), operator)
                .withOps(healthBind, healthPort);
    }

    /** This replica's name in the Lease: the pod name in a cluster, else the host name. */
    private static String identity() {
        String pod = System.getenv("POD_NAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "-"
                    + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "pbx-operator-" + ProcessHandle.current().pid();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Set<String> watchedNamespaces() {
        Set<String> watched = new LinkedHashSet<>();
        if (namespaces != null) {
            watched.addAll(namespaces);
        } else if (System.getenv("PBXOPS_NAMESPACES") != null) {
            for (String namespace : System.getenv("PBXOPS_NAMESPACES").split(",")) {
                if (!namespace.isBlank()) {
                    watched.add(namespace.trim());
                }
            }
        }
        return watched;
    }
}
