package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl reads before anything else ({@code /api}, {@code /apis}, one APIResourceList per
 * group version, {@code /version}): without them kubectl cannot map a kind to a path.
 */
final class DiscoveryDocuments {

    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

    private final Map<String, JsonNode> byPath = new LinkedHashMap<>();

    DiscoveryDocuments(List<ServedResource> resources, String serverAddress) {
        ObjectNode core = JSON.createObjectNode().put("kind", "APIVersions");
        core.putArray("versions").add("v1");
        core.putArray("serverAddressByClientCIDRs")
                .addObject()
                .put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        byPath.put("/api", core);

        ObjectNode groups = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groupList = groups.putArray("groups");
        Map<String, ArrayNode> resourceLists = new LinkedHashMap<>();
        for (ServedResource resource : resources) {
            ArrayNode list = resourceLists.computeIfAbsent(resource.apiRoot(), root -> {
                ObjectNode document = JSON.createObjectNode()
                        .put("kind", "APIResourceList")
                        .put("apiVersion", "v1")
                        .put("groupVersion", resource.groupVersion());
                byPath.put(root, document);
                if (!resource.group().isEmpty()) {
                    ObjectNode group = group(resource);
                    groupList.add(group);
                    byPath.put(
                            "/apis/" + resource.group(),
                            group.deepCopy().put("kind", "APIGroup").put("apiVersion", "v1"));
                }
                return document.putArray("resources");
            });
            list.add(entry(resource));
            if (resource.statusSubresource()) {
                ObjectNode status = list.addObject()
                        .put("name", resource.plural() + "/status")
                        .put("singularName", "")
                        .put("namespaced", resource.namespaced())
                        .put("kind", resource.kind());
                STATUS_VERBS.forEach(status.putArray("verbs")::add);
            }
        }
        byPath.put("/apis", groups);
        byPath.put(
                "/version",
                JSON.createObjectNode()
                        .put("major", "1")
                        .put("minor", "32")
                        .put("gitVersion", "v1.32.0+pbxops-embedded")
                        .put("gitCommit", "")
                        .put("gitTreeState", "clean")
                        .put("buildDate", "2026-01-01T00:00:00Z")
                        .put("goVersion", "n/a")
                        .put("compiler", "n/a")
                        .put("platform", "java"));
    }

    /** The document served at this path (without its query), if it is a discovery path. */
    Optional<JsonNode> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static ObjectNode group(ServedResource resource) {
        ObjectNode group = JSON.createObjectNode().put("name", resource.group());
        ObjectNode version = JSON.createObjectNode()
                .put("groupVersion", resource.groupVersion())
                .put("version", resource.version());
        group.putArray("versions").add(version);
        group.set("preferredVersion", version.deepCopy());
        return group;
    }

    private static ObjectNode entry(ServedResource resource) {
        ObjectNode entry = JSON.createObjectNode()
                .put("name", resource.plural())
                .put("singularName", resource.singular())
                .put("namespaced", resource.namespaced())
                .put("kind", resource.kind());
        VERBS.forEach(entry.putArray("verbs")::add);
        if (!resource.shortNames().isEmpty()) {
            resource.shortNames().forEach(entry.putArray("shortNames")::add);
        }
        if (!resource.categories().isEmpty()) {
            resource.categories().forEach(entry.putArray("categories")::add);
        }
        return entry;
    }
}
