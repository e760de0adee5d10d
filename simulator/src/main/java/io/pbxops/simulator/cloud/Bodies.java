package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pbxops.simulator.support.Json;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading request bodies into the cloud's records, with the cloud's 400000 answers for what does not fit. */
final class Bodies {

    private Bodies() {}

    static ObjectNode object(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw CloudException.invalid("body", "Invalid JSON body", null);
        }
        throw CloudException.invalid("body", "The body must be a JSON object", null);
    }

    /**
     * {@code patch}'s keys laid over {@code base}: what a partial update does. Keys named in {@code replaceByKey}
     * hold objects whose own keys are laid over one level deeper (a present key replaces, an absent one is kept).
     */
    static <T> T overlay(T base, ObjectNode patch, Class<T> type, Set<String> replaceByKey) {
        ObjectNode merged = Json.MAPPER.valueToTree(base);
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode current = merged.get(field.getKey());
            if (replaceByKey.contains(field.getKey())
                    && current instanceof ObjectNode currentObject
                    && field.getValue() instanceof ObjectNode patchObject) {
                currentObject.setAll(patchObject);
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return read(merged, type, patch);
    }

    static <T> T read(JsonNode node, Class<T> type, JsonNode original) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String param = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            JsonNode value =
                    original.at("/" + param.replace(".", "/").replace("[", "/").replace("]", ""));
            throw CloudException.invalid(
                    param, "Invalid type for '" + param + "'", value.isMissingNode() ? null : value);
        } catch (JsonProcessingException e) {
            throw CloudException.invalid("body", "Invalid body", null);
        }
    }
}
