package io.pbxops.operator.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields of an object as server-side apply counts them, in the {@code FieldsV1} form of {@code managedFields}:
 * {@code f:name} for a field, {@code k:{"name":"x"}} for an item of a list keyed by a field
 * ({@code x-kubernetes-list-type: map}), {@code v:"x"} for an item of a set; other lists are atomic (owned whole).
 * A path is its elements joined by a newline.
 */
final class FieldOwnership {

    /** What a container node (a map, a keyed list or one of its items) stands for among the leaf values. */
    static final JsonNode CONTAINER = JsonNodeFactory.instance.objectNode().put("(container)", true);

    private static final Object MEMBER = new Object();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fields nobody owns: identity and bookkeeping (kube-apiserver strips the same). */
    private static final Set<String> IGNORED_TOP = Set.of("f:apiVersion", "f:kind");

    private static final Set<String> IGNORED_METADATA = Set.of(
            "f:name",
            "f:namespace",
            "f:uid",
            "f:resourceVersion",
            "f:generation",
            "f:creationTimestamp",
            "f:deletionTimestamp",
            "f:deletionGracePeriodSeconds",
            "f:managedFields",
            "f:selfLink",
            "f:generateName");
    private static final JsonNode METADATA_SCHEMA = metadataSchema();

    private final JsonNode schema;

    /** @param schema the resource's OpenAPI schema, or null for built-in kinds (lists atomic, objects maps) */
    FieldOwnership(JsonNode schema) {
        this.schema = schema;
    }

    /**
     * Every owned path of the object, with its value (the value of a leaf, {@link #CONTAINER} for a container),
     * within the status only or without it, as {@code status} says.
     */
    Map<String, JsonNode> fields(JsonNode object, Part part) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (object == null || !object.isObject()) {
            return fields;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String element = "f:" + field.getKey();
            if (IGNORED_TOP.contains(element) || !part.includes(field.getKey())) {
                continue;
            }
            if (field.getKey().equals("metadata")) {
                metadata(field.getValue(), fields);
                continue;
            }
            walk(field.getValue(), child(schema, field.getKey()), element, fields);
        }
        return fields;
    }

    /** Which part of an object a write owns: everything but the status, or the status only (its subresource). */
    enum Part {
        MAIN,
        MAIN_WITHOUT_STATUS,
        STATUS;

        boolean includes(String topField) {
            return switch (this) {
                case MAIN -> true;
                case MAIN_WITHOUT_STATUS -> !topField.equals("status");
                case STATUS -> topField.equals("status");
            };
        }
    }

    private void metadata(JsonNode metadata, Map<String, JsonNode> fields) {
        if (!metadata.isObject()) {
            return;
        }
        metadata.properties().forEach(field -> {
            String element = "f:" + field.getKey();
            if (!IGNORED_METADATA.contains(element)) {
                walk(field.getValue(), child(METADATA_SCHEMA, field.getKey()), "f:metadata\n" + element, fields);
            }
        });
    }

    private void walk(JsonNode value, JsonNode shape, String path, Map<String, JsonNode> fields) {
        if (value.isObject()) {
            if (isMap(shape)) {
                fields.put(path, CONTAINER);
            }
            value.properties()
                    .forEach(field -> walk(
                            field.getValue(), child(shape, field.getKey()), path + "\nf:" + field.getKey(), fields));
            if (value.isEmpty() && !isMap(shape)) {
                fields.put(path, value);
            }
            return;
        }
        if (value.isArray()) {
            String type = shape == null
                    ? "atomic"
                    : shape.path("x-kubernetes-list-type").asText("atomic");
            JsonNode items = shape == null ? null : shape.get("items");
            switch (type) {
                case "set" -> {
                    fields.put(path, CONTAINER);
                    value.forEach(item -> fields.put(path + "\nv:" + item, item));
                }
                case "map" -> {
                    fields.put(path, CONTAINER);
                    for (JsonNode item : value) {
                        String itemPath = path + "\n" + key(item, shape);
                        fields.put(itemPath, CONTAINER);
                        item.properties()
                                .forEach(field -> walk(
                                        field.getValue(),
                                        child(items, field.getKey()),
                                        itemPath + "\nf:" + field.getKey(),
                                        fields));
                    }
                }
                default -> fields.put(path, value);
            }
            return;
        }
        fields.put(path, value);
    }

    /** {@code k:{"name":"x"}}: the item's key fields, in the order the schema names them. */
    static String key(JsonNode item, JsonNode listShape) {
        ObjectNode key = NODES.objectNode();
        for (JsonNode name : listShape.path("x-kubernetes-list-map-keys")) {
            if (item.has(name.asText())) {
                key.set(name.asText(), item.get(name.asText()));
            }
        }
        return "k:" + key;
    }

    /**
     * The applied configuration merged into the live object as server-side apply merges: objects field by field,
     * keyed lists item by item, sets as unions, anything else replaced.
     */
    JsonNode merge(JsonNode live, JsonNode applied) {
        return merge(live, applied, schema, true);
    }

    private JsonNode merge(JsonNode live, JsonNode applied, JsonNode shape, boolean top) {
        if (applied.isObject() && live != null && live.isObject()) {
            ObjectNode result = ((ObjectNode) live).deepCopy();
            applied.properties().forEach(field -> {
                JsonNode childShape =
                        top && field.getKey().equals("metadata") ? METADATA_SCHEMA : child(shape, field.getKey());
                result.set(field.getKey(), merge(live.get(field.getKey()), field.getValue(), childShape, false));
            });
            return result;
        }
        if (applied.isArray() && live != null && live.isArray() && shape != null) {
            String type = shape.path("x-kubernetes-list-type").asText("atomic");
            if (type.equals("map")) {
                ArrayNode result = ((ArrayNode) live).deepCopy();
                for (JsonNode item : applied) {
                    String key = key(item, shape);
                    int index = indexOf(result, key, shape);
                    if (index < 0) {
                        result.add(item.deepCopy());
                    } else {
                        result.set(index, merge(result.get(index), item, shape.get("items"), false));
                    }
                }
                return result;
            }
            if (type.equals("set")) {
                ArrayNode result = ((ArrayNode) live).deepCopy();
                Set<JsonNode> present = new LinkedHashSet<>();
                result.forEach(present::add);
                applied.forEach(item -> {
                    if (present.add(item)) {
                        result.add(item);
                    }
                });
                return result;
            }
        }
        return applied.deepCopy();
    }

    /** Removes the field at {@code path} from the object, if it is there. */
    void remove(ObjectNode object, String path) {
        String[] elements = path.split("\n");
        JsonNode node = object;
        JsonNode shape = schema;
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i];
            boolean last = i == elements.length - 1;
            if (element.startsWith("f:") && node.isObject()) {
                String name = element.substring(2);
                if (last) {
                    ((ObjectNode) node).remove(name);
                    return;
                }
                shape = i == 0 && name.equals("metadata") ? METADATA_SCHEMA : child(shape, name);
                node = node.path(name);
            } else if ((element.startsWith("k:") || element.startsWith("v:")) && node.isArray()) {
                int index = element.startsWith("k:")
                        ? indexOf((ArrayNode) node, element, shape)
                        : indexOfValue((ArrayNode) node, element.substring(2));
                if (index < 0) {
                    return;
                }
                if (last) {
                    ((ArrayNode) node).remove(index);
                    return;
                }
                node = node.get(index);
                shape = shape == null ? null : shape.get("items");
            } else {
                return;
            }
        }
    }

    private static int indexOf(ArrayNode list, String key, JsonNode shape) {
        for (int i = 0; i < list.size(); i++) {
            if (key(list.get(i), shape).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfValue(ArrayNode list, String json) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).toString().equals(json)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The paths as FieldsV1: nested {@code f:}/{@code k:}/{@code v:} objects in sorted order, with {@code ".": {}}
     * first where a container is owned as well as some of its fields.
     */
    static ObjectNode toFieldsV1(Set<String> paths) {
        TreeMap<String, Object> root = new TreeMap<>();
        for (String path : paths) {
            TreeMap<String, Object> node = root;
            for (String element : path.split("\n")) {
                @SuppressWarnings("unchecked")
                TreeMap<String, Object> child =
                        (TreeMap<String, Object>) node.computeIfAbsent(element, e -> new TreeMap<String, Object>());
                node = child;
            }
            node.put(".", MEMBER);
        }
        return serialized(root);
    }

    private static ObjectNode serialized(TreeMap<String, Object> node) {
        ObjectNode json = NODES.objectNode();
        boolean member = node.containsKey(".");
        if (member && node.size() > 1) {
            json.putObject(".");
        }
        node.forEach((element, child) -> {
            if (child != MEMBER) {
                @SuppressWarnings("unchecked")
                TreeMap<String, Object> children = (TreeMap<String, Object>) child;
                json.set(element, serialized(children));
            }
        });
        return json;
    }

    /** The paths a FieldsV1 object names. */
    static Set<String> fromFieldsV1(JsonNode fields) {
        Set<String> paths = new LinkedHashSet<>();
        collect(fields, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.properties().forEach(field -> {
            if (field.getKey().equals(".")) {
                paths.add(path);
                return;
            }
            String child = path.isEmpty() ? field.getKey() : path + "\n" + field.getKey();
            if (field.getValue().isEmpty()) {
                paths.add(child);
            } else {
                collect(field.getValue(), child, paths);
            }
        });
    }

    /** {@code .spec.rules[match="^0"]}, as kube-apiserver names a field in a conflict. */
    static String display(String path) {
        StringBuilder text = new StringBuilder();
        for (String element : path.split("\n")) {
            if (element.startsWith("f:")) {
                text.append('.').append(element.substring(2));
            } else if (element.startsWith("k:")) {
                List<String> terms = new ArrayList<>();
                try {
                    Serialization.jsonMapper()
                            .readTree(element.substring(2))
                            .properties()
                            .forEach(term -> terms.add(term.getKey() + "=" + term.getValue()));
                } catch (JsonProcessingException e) {
                    terms.add(element.substring(2));
                }
                text.append('[').append(String.join(",", terms)).append(']');
            } else if (element.startsWith("v:")) {
                text.append("[=").append(element.substring(2)).append(']');
            } else {
                text.append('[').append(element).append(']');
            }
        }
        return text.toString();
    }

    private static boolean isMap(JsonNode shape) {
        return shape == null || (shape.has("additionalProperties") && !shape.has("properties"));
    }

    private static JsonNode child(JsonNode shape, String name) {
        if (shape == null) {
            return null;
        }
        JsonNode property = shape.path("properties").get(name);
        if (property != null) {
            return property;
        }
        JsonNode additional = shape.get("additionalProperties");
        return additional != null && additional.isObject() ? additional : null;
    }

    private static JsonNode metadataSchema() {
        ObjectNode metadata = NODES.objectNode();
        ObjectNode properties = metadata.putObject("properties");
        properties.putObject("labels").putObject("additionalProperties").put("type", "string");
        properties.putObject("annotations").putObject("additionalProperties").put("type", "string");
        properties.putObject("finalizers").put("type", "array").put("x-kubernetes-list-type", "set");
        ObjectNode owners =
                properties.putObject("ownerReferences").put("type", "array").put("x-kubernetes-list-type", "map");
        owners.putArray("x-kubernetes-list-map-keys").add("uid");
        owners.putObject("items").putObject("properties");
        return metadata;
    }
}
