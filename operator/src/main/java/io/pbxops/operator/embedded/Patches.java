package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The patch kinds kubectl sends, applied to a document (RFC 6902, RFC 7386, and strategic merge as a merge patch). */
final class Patches {

    static final String JSON_PATCH = "application/json-patch+json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    static final String APPLY_PATCH = "application/apply-patch+yaml";

    private Patches() {}

    /** The patched document; throws IllegalArgumentException for a patch type the server does not serve. */
    static JsonNode apply(String contentType, JsonNode source, JsonNode patch) {
        String type = contentType == null ? JSON_PATCH : contentType.split(";")[0].trim();
        return switch (type) {
            case JSON_PATCH -> JsonPatch.apply(patch, source.deepCopy());
            case MERGE_PATCH -> merge(source.deepCopy(), patch);
            // Strategic merge only differs for lists with merge keys, which the built-in kinds kubectl re-applies
            // here (Secrets, ConfigMaps, Namespaces) do not have: a merge patch without the $-directives.
            case STRATEGIC_MERGE_PATCH -> merge(source.deepCopy(), withoutDirectives(patch));
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** RFC 7386: objects merge, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result =
                target != null && target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static JsonNode withoutDirectives(JsonNode patch) {
        if (patch.isObject()) {
            ObjectNode copy = ((ObjectNode) patch).deepCopy();
            List<String> directives = new ArrayList<>();
            copy.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("$")) {
                    directives.add(name);
                }
            });
            copy.remove(directives);
            List<String> names = new ArrayList<>();
            copy.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> copy.set(name, withoutDirectives(copy.get(name))));
            return copy;
        }
        return patch;
    }
}
