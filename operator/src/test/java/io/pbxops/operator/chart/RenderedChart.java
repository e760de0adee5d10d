package io.pbxops.operator.chart;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The chart rendered offline by Helm (as a library) with a set of values, as {@code helm template} would for
 * {@code helm install pbx-operator charts/pbx-operator -n pbx-operator --set ...}.
 *
 * @param yaml      what Helm rendered, CRDs included
 * @param manifests the same, parsed by the fabric8 client
 */
record RenderedChart(String values, String yaml, List<HasMetadata> manifests) {

    static final Path CHART = Path.of("../charts/pbx-operator");
    static final String RELEASE = "pbx-operator";
    static final String NAMESPACE = OperatorFleetRun.RELEASE_NAMESPACE;
    /** The ServiceAccount the chart creates (its full name: the release name holds the chart's name). */
    static final String SERVICE_ACCOUNT = "pbx-operator";

    /** The Kubernetes version Helm renders for (its offline default, 1.20, is below the chart's kubeVersion). */
    static final String KUBE_VERSION = "1.31.0";

    /** Parses the manifests only (no request is made): its server address is never used. */
    private static final KubernetesClient PARSER = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder()
                    .withMasterUrl("https://127.0.0.1:1")
                    .withNamespace(NAMESPACE)
                    .build())
            .build();

    /** Renders with the default values. */
    static RenderedChart render() {
        return render("");
    }

    /**
     * Renders with a values file holding {@code values} (YAML), as {@code -f} does: typed values, unlike --set
     * through the library, which passes strings. A template error or a schema violation throws.
     */
    static RenderedChart render(String values) {
        String yaml = template(values);
        List<HasMetadata> manifests = PARSER.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .items();
        return new RenderedChart(values, yaml, manifests);
    }

    /** What Helm renders, as text. */
    static String template(String values) {
        try {
            Path file = Files.createTempFile(
                    Files.createDirectories(Path.of("target", "chart-values")), "values-", ".yaml");
            try {
                Files.writeString(file, values);
                return new Helm(CHART)
                        .template()
                        .withName(RELEASE)
                        .withNamespace(NAMESPACE)
                        .withKubeVersion(KUBE_VERSION)
                        .withValuesFile(file)
                        .call();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return manifests.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.getKind())).toList();
    }

    Deployment deployment() {
        List<Deployment> deployments = all(Deployment.class);
        if (deployments.size() != 1) {
            throw new AssertionError("expected one Deployment, rendered " + deployments.size());
        }
        return deployments.get(0);
    }

    Container operatorContainer() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("operator"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container named operator"));
    }

    ChartRbac rbac() {
        return ChartRbac.of(manifests, NAMESPACE, SERVICE_ACCOUNT);
    }
}
