package io.pbxops.operator.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.pbxops.operator.cli.Main;
import io.pbxops.operator.testing.TestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The Helm chart, rendered offline by Helm as a library: it lints; the default values and each documented variant
 * render, parse, and are accepted by an API server (fabric8's mock, CRUD mode); the Deployment's arguments are ones
 * {@code run} accepts, carrying the values; the pod is locked down; unsafe combinations of values are refused.
 */
class ChartTest {

    /** A documented way to install the chart (README, "Install on a cluster"). */
    record Variant(String name, String values) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Variant DEFAULTS = new Variant("defaults", "");
    static final Variant NAMESPACED = new Variant("namespaced RBAC", "watchNamespaces: [telephony, team-b]");
    static final Variant METRICS_OFF = new Variant("metrics off", "metrics: {enabled: false}");
    static final Variant NETWORK_POLICY = new Variant("NetworkPolicy on", """
            networkPolicy:
              enabled: true
              apiServer: {cidrs: [10.96.0.1/32, 172.18.0.2/32]}
            """);
    static final Variant SERVICE_MONITOR = new Variant(
            "ServiceMonitor on",
            "metrics: {serviceMonitor: {enabled: true, labels: {release: kube-prometheus-stack}}}");
    static final Variant GRAFANA_DASHBOARD = new Variant("Grafana dashboard on", "grafanaDashboard: {enabled: true}");
    static final Variant ONE_REPLICA = new Variant("one replica without leader election", """
            replicaCount: 1
            leaderElection: {enabled: false}
            """);
    static final Variant TUNED = new Variant("tuned", """
            cloud: {url: "", maxConcurrency: 2, requestsPerSecond: 5, pageSize: 50, credentialsSecret: rainbow-admin}
            reconcile: {threads: 4, driftInterval: 10m, pendingRecheck: 30s, serverSideApply: false}
            logging: {format: text, level: DEBUG}
            leaderElection: {leaseName: fleet-leader}
            shutdownTimeoutSeconds: 60
            healthPort: 9090
            extraArgs: [--o2g-rainbow-object=Rainbow]
            """);

    static Stream<Variant> variants() {
        return Stream.of(
                DEFAULTS,
                NAMESPACED,
                METRICS_OFF,
                NETWORK_POLICY,
                SERVICE_MONITOR,
                GRAFANA_DASHBOARD,
                ONE_REPLICA,
                TUNED);
    }

    @Test
    void helmLintFindsNothing() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void rendersParsesAndIsAcceptedByTheApiServer(Variant variant) {
        RenderedChart chart = RenderedChart.render(variant.values());
        assertEquals(1, chart.all(ServiceAccount.class).size());
        assertNotNull(chart.deployment());
        for (HasMetadata object : chart.manifests()) {
            // Only kinds from outside Kubernetes stay generic: fabric8 read everything else into its model.
            if (object instanceof GenericKubernetesResource) {
                assertEquals(
                        "monitoring.coreos.com/v1/ServiceMonitor", object.getApiVersion() + "/" + object.getKind());
            }
            assertNotNull(object.getMetadata().getName(), () -> object.getKind() + " without a name");
            assertTrue(
                    object.getMetadata().getName().length() <= 63,
                    object.getMetadata().getName());
        }
        assertTrue(
                chart.ofKind("Secret").isEmpty(), "the chart never renders a Secret (the credentials are the user's)");

        try (TestCluster cluster = TestCluster.start()) {
            KubernetesClient client = cluster.client();
            // As helm install does: the chart's crds/ first (helm template leaves them out), then the templates.
            List<HasMetadata> crds = chartCrds(client);
            assertEquals(5, crds.size(), "the five CRDs in the chart's crds/");
            for (HasMetadata crd : crds) {
                client.resource(crd).createOr(NonDeletingOperation::update);
            }
            if (!chart.ofKind("ServiceMonitor").isEmpty()) {
                // The mock serves a kind it does not know once its CRD exists, as a cluster with the Prometheus
                // Operator does.
                client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .resource(serviceMonitorCrd())
                        .create();
            }
            for (HasMetadata object : chart.manifests()) {
                client.resource(object).createOr(NonDeletingOperation::update);
            }
            for (HasMetadata object : chart.manifests()) {
                assertNotNull(
                        client.resource(object).get(),
                        () -> "not stored: " + object.getKind() + "/"
                                + object.getMetadata().getName());
            }
            assertEquals(
                    chart.deployment().getSpec().getReplicas(),
                    client.apps()
                            .deployments()
                            .inNamespace(RenderedChart.NAMESPACE)
                            .withName("pbx-operator")
                            .get()
                            .getSpec()
                            .getReplicas());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theDeploymentRunsTheOperatorWithArgumentsRunAccepts(Variant variant) {
        RenderedChart chart = RenderedChart.render(variant.values());
        Container container = chart.operatorContainer();
        assertTrue(
                container.getCommand() == null || container.getCommand().isEmpty(),
                "the image's entrypoint runs the jar");
        List<String> args = container.getArgs();
        assertEquals("run", args.get(0));

        ParseResult parsed = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(args.toArray(String[]::new));
        ParseResult run = parsed.subcommand();
        assertNotNull(run, "run is the subcommand");
        assertEquals("run", run.commandSpec().name());
        assertTrue(run.unmatched().isEmpty(), () -> "arguments run does not know: " + run.unmatched());

        // The values arrived.
        Map<String, Object> values = chart.values().isEmpty() ? Map.of() : yaml(chart.values());
        List<String> watched = run.matchedOptionValue("--namespace", List.of());
        assertEquals(Objects.requireNonNullElse(values.get("watchNamespaces"), List.of()), watched);
        int healthPort = run.matchedOptionValue("--health-port", -1);
        assertEquals(container.getPorts().get(0).getContainerPort(), healthPort);
        assertEquals("http-ops", container.getPorts().get(0).getName());
        assertEquals(
                "/etc/pbx-operator/cloud",
                run.matchedOptionValue("--credentials-dir", Path.of("")).toString());
        boolean leaderElection = run.matchedOptionValue("--leader-election", false);
        int replicas = chart.deployment().getSpec().getReplicas();
        assertTrue(leaderElection || replicas <= 1, "more than one replica always elects a leader");
        if (leaderElection) {
            assertEquals(RenderedChart.NAMESPACE, run.matchedOptionValue("--leader-election-namespace", ""));
            String lease = run.matchedOptionValue("--leader-election-lease", "");
            assertEquals(
                    Set.of(lease),
                    leaseRole(chart).getRules().stream()
                            .flatMap(r -> Objects.requireNonNullElse(r.getResourceNames(), List.<String>of()).stream())
                            .collect(Collectors.toSet()),
                    "the Lease the operator uses is the one RBAC names");
        } else {
            assertNull(leaseRole(chart), "no Lease permission without leader election");
        }
        Duration shutdown = run.matchedOptionValue("--shutdown-timeout", Duration.ZERO);
        long grace = chart.deployment().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(
                grace > shutdown.toSeconds(),
                () -> "grace period " + grace + " s is not above the shutdown timeout " + shutdown);
        assertTrue(run.hasMatchedOption("--log-format")
                && run.hasMatchedOption("--drift-interval")
                && run.hasMatchedOption("--cloud-rps")
                && run.hasMatchedOption("--cloud-max-concurrency"));
        assertEquals(
                List.of("POD_NAME", "POD_NAMESPACE"),
                container.getEnv().stream().map(EnvVar::getName).toList());

        if (variant == TUNED) {
            assertFalse(
                    run.hasMatchedOption("--cloud-url"), "an empty cloud.url leaves the URL to the credentials Secret");
            assertEquals(5, (int) run.matchedOptionValue("--cloud-rps", 0));
            assertEquals(2, (int) run.matchedOptionValue("--cloud-max-concurrency", 0));
            assertEquals(50, (int) run.matchedOptionValue("--cloud-page-size", 0));
            assertEquals(4, (int) run.matchedOptionValue("--reconcile-threads", 0));
            assertEquals(Duration.ofMinutes(10), run.matchedOptionValue("--drift-interval", Duration.ZERO));
            assertEquals(Duration.ofSeconds(30), run.matchedOptionValue("--pending-recheck", Duration.ZERO));
            assertEquals(false, run.matchedOptionValue("--server-side-apply", true));
            assertEquals("text", String.valueOf(run.matchedOptionValue("--log-format", (Object) null)));
            assertEquals("DEBUG", run.matchedOptionValue("--log-level", ""));
            assertEquals(75, grace, "60 s shutdown + 15 s for the JVM");
            assertEquals("fleet-leader", run.matchedOptionValue("--leader-election-lease", ""));
            assertEquals("Rainbow", run.matchedOptionValue("--o2g-rainbow-object", ""));
            assertEquals("rainbow-admin", credentialsVolume(chart).getSecret().getSecretName());
        } else if (variant == DEFAULTS) {
            assertEquals(
                    "https://openrainbow.com", String.valueOf(run.matchedOptionValue("--cloud-url", (Object) null)));
            assertEquals(
                    true,
                    run.matchedOptionValue("--server-side-apply", false),
                    "server-side apply stays on in a cluster");
            assertEquals("json", String.valueOf(run.matchedOptionValue("--log-format", (Object) null)));
            assertEquals(2, replicas);
            assertEquals(45, grace);
        }
    }

    @Test
    void thePodRunsLockedDown() {
        RenderedChart chart = RenderedChart.render();
        PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
        assertEquals(true, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(
                "RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals("pbx-operator", pod.getServiceAccountName());

        Container container = chart.operatorContainer();
        SecurityContext security = container.getSecurityContext();
        assertEquals(false, security.getAllowPrivilegeEscalation());
        assertEquals(true, security.getReadOnlyRootFilesystem());
        assertEquals(true, security.getRunAsNonRoot());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertTrue(security.getCapabilities().getAdd() == null
                || security.getCapabilities().getAdd().isEmpty());
        assertEquals("RuntimeDefault", security.getSeccompProfile().getType());
        assertNull(security.getPrivileged());

        // The JVM writes to /tmp only, an emptyDir; the credentials are a read-only mounted Secret, whole (no subPath),
        // so that a change reaches the files.
        Map<String, VolumeMount> mounts =
                container.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, m -> m));
        assertNotNull(volume(pod, mounts.get("/tmp").getName()).getEmptyDir());
        VolumeMount credentials = mounts.get("/etc/pbx-operator/cloud");
        assertEquals(true, credentials.getReadOnly());
        assertNull(credentials.getSubPath());
        assertEquals(
                "pbx-operator-cloud",
                volume(pod, credentials.getName()).getSecret().getSecretName());
        assertEquals(0440, volume(pod, credentials.getName()).getSecret().getDefaultMode());

        for (String env : List.of("POD_NAME", "POD_NAMESPACE")) {
            EnvVar var = container.getEnv().stream()
                    .filter(e -> e.getName().equals(env))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    env.equals("POD_NAME") ? "metadata.name" : "metadata.namespace",
                    var.getValueFrom().getFieldRef().getFieldPath());
        }
        assertProbe(container.getLivenessProbe(), "/healthz");
        assertProbe(container.getStartupProbe(), "/healthz");
        assertProbe(container.getReadinessProbe(), "/readyz");
        assertNotNull(container.getResources().getLimits().get("memory"), "a memory limit sizes the heap");
        assertNotNull(pod.getAffinity().getPodAntiAffinity(), "replicas spread over nodes");
    }

    @Test
    void allNamespacesUseAClusterRoleAndTheLeaseStaysInTheReleaseNamespace() {
        RenderedChart chart = RenderedChart.render();
        assertEquals(1, chart.all(ClusterRole.class).size());
        assertEquals(1, chart.ofKind("ClusterRoleBinding").size());
        Role lease = leaseRole(chart);
        assertEquals(RenderedChart.NAMESPACE, lease.getMetadata().getNamespace());
        assertTrue(
                chart.all(ClusterRole.class).get(0).getRules().stream()
                        .noneMatch(r -> r.getResources().contains("leases")),
                "no cluster-wide Lease permission");
        assertEquals(1, chart.all(ServiceAccount.class).size());
        assertEquals(1, chart.all(PodDisruptionBudget.class).size(), "two replicas: one stays during a drain");
        assertEquals(1, chart.all(Service.class).size());
        assertTrue(
                chart.ofKind("NetworkPolicy").isEmpty()
                        && chart.ofKind("ServiceMonitor").isEmpty()
                        && chart.all(ConfigMap.class).isEmpty(),
                "optional objects are off by default");
    }

    @Test
    void listedNamespacesGetTheSameRoleEachAndNoClusterWideGrant() {
        RenderedChart chart = RenderedChart.render(NAMESPACED.values());
        assertTrue(chart.all(ClusterRole.class).isEmpty()
                && chart.ofKind("ClusterRoleBinding").isEmpty());
        ClusterRole reference = RenderedChart.render().all(ClusterRole.class).get(0);
        for (String namespace : List.of("telephony", "team-b")) {
            Role role = chart.all(Role.class).stream()
                    .filter(r -> r.getMetadata().getNamespace().equals(namespace))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    reference.getRules(),
                    role.getRules(),
                    "the Role in " + namespace + " grants what the ClusterRole grants");
            RoleBinding binding = chart.all(RoleBinding.class).stream()
                    .filter(b -> b.getMetadata().getNamespace().equals(namespace))
                    .findFirst()
                    .orElseThrow();
            assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
            assertEquals("pbx-operator", binding.getSubjects().get(0).getName());
            assertEquals(RenderedChart.NAMESPACE, binding.getSubjects().get(0).getNamespace());
        }
        assertNotNull(leaseRole(chart));
    }

    @Test
    void withMetricsOffNoServiceIsRenderedButTheProbesStay() {
        RenderedChart chart = RenderedChart.render(METRICS_OFF.values());
        assertTrue(chart.all(Service.class).isEmpty());
        assertNotNull(chart.operatorContainer().getReadinessProbe());
    }

    @Test
    void theNetworkPolicyLetsInOnlyTheMetricsPortAndOutOnlyDnsTheApiServerAndTheCloud() {
        RenderedChart chart = RenderedChart.render(NETWORK_POLICY.values());
        NetworkPolicy policy = chart.all(NetworkPolicy.class).get(0);
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        assertEquals(
                chart.deployment().getSpec().getSelector().getMatchLabels(),
                policy.getSpec().getPodSelector().getMatchLabels());
        assertEquals(1, policy.getSpec().getIngress().size());
        assertEquals(
                "http-ops",
                policy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getStrVal());
        assertEquals(
                "monitoring",
                policy.getSpec()
                        .getIngress()
                        .get(0)
                        .getFrom()
                        .get(0)
                        .getNamespaceSelector()
                        .getMatchLabels()
                        .get("kubernetes.io/metadata.name"));

        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertEquals(3, egress.size(), "DNS, the API server, the cloud and PBX endpoints");
        assertEquals(Set.of("UDP/53", "TCP/53"), ports(egress.get(0)));
        assertEquals(Set.of("TCP/443", "TCP/6443"), ports(egress.get(1)));
        assertEquals(
                List.of("10.96.0.1/32", "172.18.0.2/32"),
                egress.get(1).getTo().stream()
                        .map(p -> p.getIpBlock().getCidr())
                        .toList());
        assertEquals(Set.of("TCP/443"), ports(egress.get(2)));
        assertEquals("0.0.0.0/0", egress.get(2).getTo().get(0).getIpBlock().getCidr());
    }

    @Test
    void theServiceMonitorScrapesTheMetricsServiceOfThisRelease() {
        RenderedChart chart = RenderedChart.render(SERVICE_MONITOR.values());
        GenericKubernetesResource monitor =
                (GenericKubernetesResource) chart.ofKind("ServiceMonitor").get(0);
        Service service = chart.all(Service.class).get(0);
        Map<String, Object> spec = monitor.get("spec");
        @SuppressWarnings("unchecked")
        Map<String, String> selector =
                (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        assertTrue(
                service.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
                "the ServiceMonitor selects the Service");
        assertFalse(chart.operatorContainer().getPorts().isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
        assertEquals(service.getSpec().getPorts().get(0).getName(), endpoint.get("port"));
        assertEquals("/metrics", endpoint.get("path"));
        assertEquals(
                true,
                endpoint.get("honorLabels"),
                "the cloud metrics' endpoint label must not become exported_endpoint");
        assertEquals("kube-prometheus-stack", monitor.getMetadata().getLabels().get("release"));
    }

    @Test
    void theGrafanaDashboardConfigMapHoldsTheDashboardOfTheChart() throws IOException {
        RenderedChart chart = RenderedChart.render(GRAFANA_DASHBOARD.values());
        ConfigMap dashboard = chart.all(ConfigMap.class).get(0);
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                json.readTree(DashboardTest.DASHBOARD.toFile()),
                json.readTree(dashboard.getData().get("pbx-operator.json")));
    }

    @Test
    void theNotesTellWhatToDoNext() throws IOException {
        String defaults = notes("");
        assertTrue(defaults.contains("kubectl -n pbx-operator create secret generic pbx-operator-cloud"), defaults);
        assertTrue(defaults.contains("watching all namespaces"), defaults);
        assertTrue(defaults.contains("get lease pbx-operator"), defaults);
        assertTrue(defaults.contains("get pbxops"), defaults);
        assertTrue(defaults.contains("port-forward svc/pbx-operator-metrics 8081"), defaults);

        String namespaced = notes(NAMESPACED.values() + "\nmetrics: {enabled: false}\n" + ONE_REPLICA.values());
        assertTrue(namespaced.contains("watching namespaces telephony, team-b"), namespaced);
        assertFalse(namespaced.contains("get lease"), "no Lease without leader election");
        assertFalse(namespaced.contains("/metrics"), "no metrics Service to reach");
    }

    /** What helm install prints after the objects (a client-only dry run: no cluster). */
    private static String notes(String values) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target", "chart-values")), "notes-", ".yaml");
        try {
            Files.writeString(file, values);
            String output = new Helm(RenderedChart.CHART)
                    .install()
                    .withName(RenderedChart.RELEASE)
                    .withNamespace(RenderedChart.NAMESPACE)
                    .withKubeVersion(RenderedChart.KUBE_VERSION)
                    .withValuesFile(file)
                    .dryRun()
                    .clientOnly()
                    .call()
                    .getOutput();
            assertTrue(output.contains("NOTES:"), output);
            return output.substring(output.indexOf("NOTES:"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void unsafeOrInvalidValuesAreRefused() {
        assertRefused("replicaCount: 2\nleaderElection: {enabled: false}", "needs leaderElection.enabled");
        assertRefused(
                "shutdownTimeoutSeconds: 30\nterminationGracePeriodSeconds: 30",
                "must be above shutdownTimeoutSeconds");
        assertRefused("metrics: {enabled: false, serviceMonitor: {enabled: true}}", "needs metrics.enabled");
        assertRefused("logging: {format: xml}", "logging/format");
        assertRefused("watchNamespaces: telephony", "watchNamespaces");
        assertRefused("reconcile: {driftInterval: five minutes}", "driftInterval");
        assertRefused("cloud: {credentialsSecret: ''}", "credentialsSecret");
    }

    @Test
    void theImageRunsTheJarTheDeploymentExpectsAsTheUserThePodDeclares() throws IOException {
        List<String> dockerfile = Files.readAllLines(Path.of("../Dockerfile"));
        assertTrue(
                dockerfile.contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/pbx-operator.jar\"]"),
                "the entrypoint runs the jar");
        assertTrue(
                dockerfile.stream()
                        .anyMatch(l -> l.matches("COPY .*operator/target/pbx-operator\\.jar /app/pbx-operator\\.jar")),
                "the image holds the shaded jar the build makes");
        long user = RenderedChart.render()
                .deployment()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getSecurityContext()
                .getRunAsUser();
        assertTrue(dockerfile.contains("USER " + user + ":" + user), "the image's user is the pod's");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRefused(String values, String expected) {
        Exception refused = assertThrows(Exception.class, () -> RenderedChart.template(values), values);
        assertTrue(
                String.valueOf(refused.getMessage()).contains(expected), () -> values + " -> " + refused.getMessage());
    }

    private static List<HasMetadata> chartCrds(KubernetesClient client) {
        try (Stream<Path> files = Files.list(RenderedChart.CHART.resolve("crds"))) {
            return files.sorted()
                    .flatMap(file -> {
                        try (var in = Files.newInputStream(file)) {
                            return client.load(in).items().stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("http-ops", probe.getHttpGet().getPort().getStrVal());
    }

    private static Set<String> ports(NetworkPolicyEgressRule rule) {
        return rule.getPorts().stream()
                .map(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .collect(Collectors.toSet());
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(v -> v.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Volume credentialsVolume(RenderedChart chart) {
        return volume(chart.deployment().getSpec().getTemplate().getSpec(), "cloud-credentials");
    }

    private static Role leaseRole(RenderedChart chart) {
        return chart.all(Role.class).stream()
                .filter(r -> r.getRules().stream()
                        .anyMatch(rule -> rule.getResources().contains("leases")))
                .findFirst()
                .orElse(null);
    }

    /** A minimal CRD for the Prometheus Operator's ServiceMonitor (the mock needs a CRD to serve a kind). */
    private static CustomResourceDefinition serviceMonitorCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("servicemonitors.monitoring.coreos.com")
                .endMetadata()
                .withNewSpec()
                .withGroup("monitoring.coreos.com")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("ServiceMonitor")
                .withPlural("servicemonitors")
                .withSingular("servicemonitor")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
    }
}
