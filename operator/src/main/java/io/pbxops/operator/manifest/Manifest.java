package io.pbxops.operator.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One object read from a manifest file, with where each of its fields stands in the file.
 *
 * @param file       the file it was read from
 * @param line       the line its document starts on (1-based)
 * @param object     the object as a JSON tree
 * @param fieldLines the line of each field, by JSON pointer ({@code /spec/type})
 * @param plainScalars the text of each unquoted scalar kubectl reads as a number, a boolean or null, by JSON pointer
 */
public record Manifest(
        Path file, int line, JsonNode object, Map<String, Integer> fieldLines, Map<String, String> plainScalars) {

    public Manifest(Path file, int line, JsonNode object, Map<String, Integer> fieldLines) {
        this(file, line, object, fieldLines, Map.of());
    }

    /**
     * For a field written unquoted that kubectl reads as a number, a boolean or null ({@code replace: 039067}): what
     * kubectl reads, and the fix (quote it); empty for any other field.
     */
    public Optional<String> unquotedHint(String fieldPath) {
        String pointer = toPointer(fieldPath);
        String text = plainScalars.get(pointer);
        if (text == null) {
            return Optional.empty();
        }
        JsonNode value = object.at(pointer);
        String read = value.isNull()
                ? "null"
                : value.isBoolean() ? "the boolean " + value.asText() : "the number " + value.asText();
        return Optional.of("unquoted, " + (text.isEmpty() ? "an empty value" : text) + " is " + read
                + " to kubectl (YAML 1.1 as go-yaml reads it), not a string: quote it: \"" + text + "\"");
    }

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
