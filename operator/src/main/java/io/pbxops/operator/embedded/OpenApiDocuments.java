package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OpenAPI v3 document per group version ({@code /openapi/v3/apis/pbxops.io/v1alpha1}, ...) and their index
 * ({@code /openapi/v3}). kubectl looks in them for a {@code fieldValidation} parameter to know that the server
 * validates (so plain {@code kubectl apply} needs no {@code --validate=false}), and {@code kubectl explain} reads the
 * custom resources' schemas from them.
 */
final class OpenApiDocuments {

    static final String ROOT = "/openapi/v3";
    static final String V2 = "/openapi/v2";
    /** What kube-apiserver answers the protobuf document with (kubectl cannot parse its own Accept as a type). */
    static final String V2_PROTOBUF = "application/octet-stream";

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private final Map<String, JsonNode> byPath = new LinkedHashMap<>();

    OpenApiDocuments(List<ServedResource> resources) {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        for (ServedResource resource : resources) {
            ObjectNode document = documents.computeIfAbsent(resource.apiRoot(), root -> {
                ObjectNode created = JSON.createObjectNode().put("openapi", "3.0.0");
                created.putObject("info")
                        .put("title", "Kubernetes (pbx-operator up)")
                        .put("version", "v1.32.0");
                created.putObject("paths");
                created.putObject("components").putObject("schemas");
                return created;
            });
            addPaths((ObjectNode) document.get("paths"), resource);
            if (resource.schema() != null) {
                ObjectNode schema = resource.schema().deepCopy();
                schema.putArray("x-kubernetes-group-version-kind").add(gvk(resource));
                ((ObjectNode) document.at("/components/schemas")).set(schemaName(resource), schema);
            }
        }
        ObjectNode index = JSON.createObjectNode();
        ObjectNode paths = index.putObject("paths");
        documents.forEach((root, document) -> {
            String relative = root.substring(1);
            paths.putObject(relative).put("serverRelativeURL", ROOT + root + "?hash=" + hash(document));
            byPath.put(ROOT + root, document);
        });
        byPath.put(ROOT, index);
    }

    /** An OpenAPI v2 document without definitions (see {@code ApiRequestRouter}'s openApiV2). */
    static JsonNode emptyV2() {
        ObjectNode document = JSON.createObjectNode().put("swagger", "2.0");
        document.putObject("info").put("title", "Kubernetes (pbx-operator up)").put("version", "v1.32.0");
        document.putObject("paths");
        document.putObject("definitions");
        return document;
    }

    /** The document served at this path (without its query). */
    Optional<JsonNode> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static void addPaths(ObjectNode paths, ServedResource resource) {
        String collection =
                resource.apiRoot() + (resource.namespaced() ? "/namespaces/{namespace}/" : "/") + resource.plural();
        ObjectNode list = paths.putObject(collection);
        list.set("get", operation(resource, "list"));
        list.set("post", operation(resource, "create"));
        ObjectNode item = paths.putObject(collection + "/{name}");
        item.set("get", operation(resource, "read"));
        item.set("put", operation(resource, "replace"));
        item.set("patch", operation(resource, "patch"));
        item.set("delete", operation(resource, "delete"));
    }

    private static ObjectNode operation(ServedResource resource, String verb) {
        ObjectNode operation = JSON.createObjectNode()
                .put("operationId", verb + resource.kind())
                .put(
                        "x-kubernetes-action",
                        switch (verb) {
                            case "read" -> "get";
                            case "replace" -> "put";
                            case "create" -> "post";
                            default -> verb;
                        });
        operation.set("x-kubernetes-group-version-kind", gvk(resource));
        ArrayNode parameters = operation.putArray("parameters");
        if (List.of("create", "replace", "patch").contains(verb)) {
            parameters
                    .addObject()
                    .put("name", "fieldValidation")
                    .put("in", "query")
                    .put("description", "Strict: the server refuses unknown and invalid fields (422).")
                    .putObject("schema")
                    .put("type", "string")
                    .put("uniqueItems", true);
            parameters
                    .addObject()
                    .put("name", "dryRun")
                    .put("in", "query")
                    .putObject("schema")
                    .put("type", "string");
        }
        ObjectNode ok = operation.putObject("responses").putObject("200").put("description", "OK");
        if (resource.schema() != null && !verb.equals("delete") && !verb.equals("list")) {
            ok.putObject("content")
                    .putObject("application/json")
                    .putObject("schema")
                    .put("$ref", "#/components/schemas/" + schemaName(resource));
        }
        return operation;
    }

    private static ObjectNode gvk(ServedResource resource) {
        return JSON.createObjectNode()
                .put("group", resource.group())
                .put("version", resource.version())
                .put("kind", resource.kind());
    }

    private static String schemaName(ServedResource resource) {
        String[] reversedGroup = resource.group().split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = reversedGroup.length - 1; i >= 0; i--) {
            name.append(reversedGroup[i]).append('.');
        }
        return name + resource.version() + "." + resource.kind();
    }

    private static String hash(JsonNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(document.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
