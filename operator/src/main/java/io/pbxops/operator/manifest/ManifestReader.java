package io.pbxops.operator.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads multi-document YAML manifests from files and folders, keeping the line of every field so that a problem can
 * be reported as {@code FILE:LINE}. A {@code kind: List} document is expanded into its items.
 */
public final class ManifestReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ManifestReader() {}

    /** Every manifest under the given files and folders (folders: *.yaml and *.yml, recursively, in name order). */
    public static List<Manifest> read(List<Path> paths) throws ManifestException {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : manifestFiles(paths)) {
            manifests.addAll(readFile(file));
        }
        return manifests;
    }

    public static List<Path> manifestFiles(List<Path> paths) throws ManifestException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.toString().endsWith(".yaml")
                                    || p.toString().endsWith(".yml"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new ManifestException(path, 0, "cannot read folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new ManifestException(path, 0, "no such file or folder");
            }
        }
        return files;
    }

    public static List<Manifest> readFile(Path file) throws ManifestException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException(file, 0, "cannot read file: " + e.getMessage());
        }
        return readText(file, text);
    }

    public static List<Manifest> readText(Path file, String text) throws ManifestException {
        List<Manifest> manifests = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                Map<String, Integer> lines = new HashMap<>();
                JsonNode document = readValue(parser, "", lines);
                if (!document.isObject()) {
                    if (document.isNull()
                            || (document.isTextual() && document.asText().isEmpty())) {
                        continue; // an empty document between two '---'
                    }
                    throw new ManifestException(
                            file, line, "a manifest document must be a mapping (kind, metadata, spec)");
                }
                if ("List".equals(document.path("kind").asText())
                        && document.path("items").isArray()) {
                    expandList(file, document, lines, manifests);
                } else {
                    manifests.add(new Manifest(file, line, document, lines));
                }
            }
        } catch (IOException e) {
            int line = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr()
                    : 0;
            throw new ManifestException(file, line, "not valid YAML: " + firstLine(e.getMessage()));
        }
        return manifests;
    }

    private static void expandList(Path file, JsonNode list, Map<String, Integer> lines, List<Manifest> out) {
        ArrayNode items = (ArrayNode) list.get("items");
        for (int i = 0; i < items.size(); i++) {
            String prefix = "/items/" + i;
            Map<String, Integer> itemLines = new HashMap<>();
            lines.forEach((pointer, line) -> {
                if (pointer.startsWith(prefix + "/")) {
                    itemLines.put(pointer.substring(prefix.length()), line);
                }
            });
            out.add(new Manifest(file, lines.getOrDefault(prefix, 1), items.get(i), itemLines));
        }
    }

    /** Builds the tree of the value at the parser's current token, recording the line of every field and item. */
    private static JsonNode readValue(JsonParser parser, String pointer, Map<String, Integer> lines)
            throws IOException {
        JsonToken token = parser.currentToken();
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    object.set(name, readValue(parser, child, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, pointer + "/" + index++, lines));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue())
                        : NODES.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected YAML token " + token);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
