package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.pbxops.operator.crd.CrdCatalog;
import io.pbxops.operator.crd.PbxOpsKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource the embedded API server serves, as discovery, OpenAPI and table printing describe it.
 *
 * @param group      empty for the core group
 * @param columns    what {@code kubectl get} prints after the name (priority 1 columns only with {@code -o wide})
 * @param schema     the OpenAPI v3 schema of an object, for custom resources; null for built-in kinds
 */
record ServedResource(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        boolean namespaced,
        List<String> shortNames,
        List<String> categories,
        boolean statusSubresource,
        List<Column> columns,
        JsonNode schema,
        Optional<PbxOpsKinds> pbxOpsKind) {

    /** A printer column: a JSONPath into the object, or a computed value for built-in kinds. */
    record Column(String name, String type, String description, int priority, String jsonPath) {}

    private static final String CREATED = ".metadata.creationTimestamp";

    /** Computed columns of built-in kinds, which a JSONPath cannot express. */
    static final String DATA_COUNT = "(count of .data)";

    static final String INVOLVED_OBJECT = "(kind/name of .involvedObject)";

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Where the collection lives, e.g. {@code /apis/pbxops.io/v1alpha1} or {@code /api/v1}. */
    String apiRoot() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    static List<ServedResource> all() {
        List<ServedResource> resources = new ArrayList<>();
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            resources.add(ofCrd(kind));
        }
        resources.add(core(
                "namespaces",
                "namespace",
                "Namespace",
                false,
                List.of("ns"),
                List.of(new Column("Status", "string", "The namespace's phase.", 0, ".status.phase"), age())));
        resources.add(core(
                "secrets",
                "secret",
                "Secret",
                true,
                List.of(),
                List.of(
                        new Column("Type", "string", "The Secret's type.", 0, ".type"),
                        new Column("Data", "integer", "How many keys the Secret holds.", 0, DATA_COUNT),
                        age())));
        resources.add(core(
                "configmaps",
                "configmap",
                "ConfigMap",
                true,
                List.of("cm"),
                List.of(new Column("Data", "integer", "How many keys the ConfigMap holds.", 0, DATA_COUNT), age())));
        resources.add(core(
                "events",
                "event",
                "Event",
                true,
                List.of("ev"),
                List.of(
                        new Column("Last Seen", "date", "When it last happened.", 0, ".lastTimestamp"),
                        new Column("Type", "string", "Normal or Warning.", 0, ".type"),
                        new Column("Reason", "string", "Why.", 0, ".reason"),
                        new Column("Object", "string", "The object it is about.", 0, INVOLVED_OBJECT),
                        new Column("Message", "string", "What happened.", 0, ".message"))));
        resources.add(new ServedResource(
                "apiextensions.k8s.io",
                "v1",
                "customresourcedefinitions",
                "customresourcedefinition",
                "CustomResourceDefinition",
                false,
                List.of("crd", "crds"),
                List.of("api-extensions"),
                true,
                List.of(new Column("Created At", "date", "When it was created.", 0, CREATED)),
                null,
                Optional.empty()));
        return List.copyOf(resources);
    }

    private static Column age() {
        return new Column("Age", "date", "How long ago it was created.", 0, CREATED);
    }

    private static ServedResource core(
            String plural,
            String singular,
            String kind,
            boolean namespaced,
            List<String> shortNames,
            List<Column> columns) {
        return new ServedResource(
                "",
                "v1",
                plural,
                singular,
                kind,
                namespaced,
                shortNames,
                List.of(),
                false,
                columns,
                null,
                Optional.empty());
    }

    private static ServedResource ofCrd(PbxOpsKinds kind) {
        CustomResourceDefinition crd = CrdCatalog.definition(kind);
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        List<Column> columns = new ArrayList<>();
        for (CustomResourceColumnDefinition column : Objects.requireNonNullElse(
                version.getAdditionalPrinterColumns(), List.<CustomResourceColumnDefinition>of())) {
            columns.add(new Column(
                    column.getName(),
                    column.getType(),
                    Objects.requireNonNullElse(column.getDescription(), ""),
                    Objects.requireNonNullElse(column.getPriority(), 0),
                    column.getJsonPath()));
        }
        if (columns.isEmpty()) {
            columns.add(age());
        }
        var names = crd.getSpec().getNames();
        return new ServedResource(
                crd.getSpec().getGroup(),
                version.getName(),
                names.getPlural(),
                names.getSingular(),
                names.getKind(),
                "Namespaced".equals(crd.getSpec().getScope()),
                Objects.requireNonNullElse(names.getShortNames(), List.of()),
                Objects.requireNonNullElse(names.getCategories(), List.of()),
                version.getSubresources() != null && version.getSubresources().getStatus() != null,
                List.copyOf(columns),
                CrdCatalog.openApiSchema(kind),
                Optional.of(kind));
    }
}
