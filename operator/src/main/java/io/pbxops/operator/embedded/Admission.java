package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.operator.validation.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a real API server does to an object before storing it, for the kinds {@code up} serves: the five kinds are
 * checked with the operator's own validation (schema, CEL and domain checks), and a Secret's {@code stringData} is
 * folded into {@code data}.
 */
final class Admission {

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private final ObjectValidator validator;

    Admission(ObjectValidator validator) {
        this.validator = validator;
    }

    /**
     * The refusal (a 422 Status naming every field at fault), or empty when the object may be stored.
     *
     * @param current the object as stored, for an update (the CRDs' transition rules compare with it); null on a create
     */
    Optional<JsonNode> refusal(ResourcePath path, JsonNode object, JsonNode current) {
        if (!path.isPbxOps() || path.isStatus()) {
            return Optional.empty();
        }
        // The spec and metadata are admitted here; the status belongs to the operator and its subresource.
        JsonNode admitted = object;
        if (object.isObject() && object.has("status")) {
            admitted = ((ObjectNode) object).deepCopy();
            ((ObjectNode) admitted).remove("status");
        }
        List<Problem> problems = validator.validate(admitted, current);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(invalid(
                path.resource(), object.at("/metadata/name").asText(path.name() == null ? "" : path.name()), problems));
    }

    /**
     * Folds {@code stringData} into base64 {@code data}, and gives a new Namespace its {@code Active} phase, as the API
     * server does; other kinds unchanged.
     */
    static JsonNode normalized(ResourcePath path, JsonNode object) {
        if (path.isNamespace()
                && object.isObject()
                && !object.at("/status/phase").isTextual()) {
            ObjectNode namespace = ((ObjectNode) object).deepCopy();
            namespace.withObjectProperty("status").put("phase", "Active");
            return namespace;
        }
        if (!path.isSecret() || !object.has("stringData") || !object.isObject()) {
            return object;
        }
        ObjectNode secret = ((ObjectNode) object).deepCopy();
        JsonNode stringData = secret.remove("stringData");
        ObjectNode data = secret.has("data") && secret.get("data").isObject()
                ? (ObjectNode) secret.get("data")
                : secret.putObject("data");
        for (Iterator<Map.Entry<String, JsonNode>> fields =
                        stringData.properties().iterator();
                fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            data.put(
                    field.getKey(),
                    Base64.getEncoder()
                            .encodeToString(field.getValue().asText("").getBytes(StandardCharsets.UTF_8)));
        }
        return secret;
    }

    /** A Kubernetes Status as an API server answers a refused object; kubectl prints its message. */
    static JsonNode invalid(ServedResource resource, String name, List<Problem> problems) {
        String qualifiedKind = resource.kind() + (resource.group().isEmpty() ? "" : "." + resource.group());
        List<String> causes = problems.stream().map(Problem::toString).toList();
        String message = qualifiedKind + " \"" + name + "\" is invalid: "
                + (causes.size() == 1 ? causes.get(0) : "[" + String.join(", ", causes) + "]");
        ObjectNode status = status(422, "Invalid", message);
        ObjectNode details = status.putObject("details")
                .put("name", name)
                .put("group", resource.group())
                .put("kind", resource.kind());
        var list = details.putArray("causes");
        for (Problem problem : problems) {
            list.addObject()
                    .put("reason", "FieldValueInvalid")
                    .put("message", problem.message())
                    .put("field", problem.field());
        }
        return status;
    }

    static ObjectNode status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure")
                .put("message", message)
                .put("reason", reason)
                .put("code", code);
    }
}
