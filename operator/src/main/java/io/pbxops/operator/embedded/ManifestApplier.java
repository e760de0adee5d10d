package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.pbxops.operator.manifest.Manifest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Applies manifests through the embedded API server as {@code kubectl apply} would (admission included), recording
 * the last-applied configuration so that a later {@code kubectl apply -f} or {@code kubectl delete -f} of the same
 * files works on them.
 */
public final class ManifestApplier {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /** What applying gave: the objects stored, and one line per object the server refused. */
    public record Result(int applied, List<String> refused) {}

    private final KubernetesClient client;

    ManifestApplier(KubernetesClient client) {
        this.client = client;
    }

    /**
     * What {@code kubectl apply} records: the object as applied, without this annotation, keys sorted (Go's JSON),
     * so that a later {@code kubectl apply -f} of the same file finds nothing to change.
     */
    static String lastApplied(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode annotations = copy.withObjectProperty("metadata").withObjectProperty("annotations");
        annotations.remove(LAST_APPLIED);
        // Go's encoder also escapes <, > and & inside strings.
        return sorted(copy)
                        .toString()
                        .replace("<", "\\u003c")
                        .replace(">", "\\u003e")
                        .replace("&", "\\u0026") + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(name -> result.set(name, sorted(node.get(name))));
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> result.add(sorted(item)));
            return result;
        }
        return node;
    }

    /** For each refused field written unquoted that kubectl reads as a number or a boolean: how to fix it. */
    private static String quotingHints(Manifest manifest, KubernetesClientException refusal) {
        if (refusal.getStatus() == null
                || refusal.getStatus().getDetails() == null
                || refusal.getStatus().getDetails().getCauses() == null) {
            return "";
        }
        StringBuilder hints = new StringBuilder();
        for (StatusCause cause : refusal.getStatus().getDetails().getCauses()) {
            if (cause.getField() == null
                    || cause.getMessage() == null
                    || !cause.getMessage().endsWith("is not a string")) {
                continue;
            }
            manifest.unquotedHint(cause.getField())
                    .ifPresent(hint -> hints.append(" (")
                            .append(manifest.file())
                            .append(':')
                            .append(manifest.lineOf(cause.getField()))
                            .append(": ")
                            .append(cause.getField())
                            .append(": ")
                            .append(hint)
                            .append(')'));
        }
        return hints.toString();
    }

    Result apply(List<Manifest> manifests) {
        int applied = 0;
        List<String> refused = new ArrayList<>();
        for (Manifest manifest : manifests) {
            ObjectNode object = manifest.object().deepCopy();
            ObjectNode metadata = object.withObjectProperty("metadata");
            if (!metadata.hasNonNull("namespace")) {
                metadata.put("namespace", EmbeddedApiServer.DEFAULT_NAMESPACE);
            }
            metadata.withObjectProperty("annotations").put(LAST_APPLIED, lastApplied(object));
            try {
                HasMetadata resource = client.resource(object.toString()).item();
                client.resource(resource)
                        .inNamespace(metadata.get("namespace").asText())
                        .createOr(NonDeletingOperation::update);
                applied++;
            } catch (KubernetesClientException e) {
                String reason = e.getStatus() != null && e.getStatus().getMessage() != null
                        ? e.getStatus().getMessage()
                        : e.getMessage();
                reason += quotingHints(manifest, e);
                refused.add(manifest.file() + ":" + manifest.line() + ": " + manifest.kind() + "/" + manifest.name()
                        + ": " + reason);
            }
        }
        return new Result(applied, List.copyOf(refused));
    }
}
