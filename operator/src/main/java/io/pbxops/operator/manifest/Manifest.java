package io.pbxops.operator.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One object read from a manifest file, with where each of its fields stands in the file.
 *
 * @param file       the file it was read from
 * @param line       the line its document starts on (1-based)
 * @param object     the object as a JSON tree
 * @param fieldLines the line of each field, by JSON pointer ({@code /spec/type})
 */
public record Manifest(Path file, int line, JsonNode object, Map<String, Integer> fieldLines) {

    public String apiVersion() {
        return object.path("apiVersion").asText("");
    }

    public String kind() {
        return object.path("kind").asText("");
    }

    public String name() {
        return object.path("metadata").path("name").asText("");
    }

    /** The namespace as written; empty means "the namespace the manifests are applied to". */
    public String namespace() {
        return object.path("metadata").path("namespace").asText("");
    }

    /**
     * The line of a field given as a dotted path ({@code spec.activation.mode}, {@code spec.rules[3].match}), or of its
     * nearest ancestor written in the file (a missing required field is reported on its parent's line).
     */
    public int lineOf(String fieldPath) {
        String pointer = toPointer(fieldPath);
        while (!pointer.isEmpty()) {
            Integer found = fieldLines.get(pointer);
            if (found != null) {
                return found;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
        return line;
    }

    static String toPointer(String fieldPath) {
        if (fieldPath == null || fieldPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : fieldPath.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }
}
