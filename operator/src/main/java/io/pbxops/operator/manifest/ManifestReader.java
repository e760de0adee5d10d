package io.pbxops.operator.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads multi-document YAML manifests from files and folders as kubectl reads them (see {@link KubectlScalars}: an
 * unquoted {@code 039067} is a number), keeping the line of every field so that a problem can be reported as
 * {@code FILE:LINE}. A {@code kind: List} document is expanded into its items.
 */
public final class ManifestReader {

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
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(1000);
        Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new PlainScalars(), options);
        try {
            while (composer.checkNode()) {
                Node root = composer.getNode();
                int line = lineOf(root);
                Map<String, Integer> lines = new HashMap<>();
                Map<String, String> plain = new HashMap<>();
                JsonNode document = new Converter(file, lines, plain).value(root, "");
                if (!document.isObject()) {
                    if (document.isNull()) {
                        continue; // an empty document between two '---'
                    }
                    throw new ManifestException(
                            file, line, "a manifest document must be a mapping (kind, metadata, spec)");
                }
                if ("List".equals(document.path("kind").asText())
                        && document.path("items").isArray()) {
                    expandList(file, document, lines, plain, manifests);
                } else {
                    manifests.add(new Manifest(file, line, document, lines, plain));
                }
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null
                    ? e.getProblemMark().getLine() + 1
                    : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
            throw new ManifestException(
                    file,
                    line,
                    "not valid YAML: " + firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (YAMLException e) {
            throw new ManifestException(file, 0, "not valid YAML: " + firstLine(e.getMessage()));
        }
        return manifests;
    }

    private static void expandList(
            Path file, JsonNode list, Map<String, Integer> lines, Map<String, String> plain, List<Manifest> out) {
        ArrayNode items = (ArrayNode) list.get("items");
        for (int i = 0; i < items.size(); i++) {
            String prefix = "/items/" + i;
            out.add(new Manifest(
                    file, lines.getOrDefault(prefix, 1), items.get(i), under(prefix, lines), under(prefix, plain)));
        }
    }

    private static <T> Map<String, T> under(String prefix, Map<String, T> byPointer) {
        Map<String, T> result = new HashMap<>();
        byPointer.forEach((pointer, value) -> {
            if (pointer.startsWith(prefix + "/")) {
                result.put(pointer.substring(prefix.length()), value);
            }
        });
        return result;
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Tags every plain scalar without an explicit tag as such: {@link KubectlScalars} resolves it as kubectl does. */
    private static final class PlainScalars extends Resolver {
        static final Tag PLAIN = new Tag("tag:pbxops.io,2026:plain");

        @Override
        protected void addImplicitResolvers() {
            // none: SnakeYAML's YAML 1.1 rules differ from go-yaml's (it reads 039067 as a string)
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
        }
    }

    /**
     * Builds the JSON of a document as sigs.k8s.io/yaml does (anchors and aliases copied, {@code <<} merge keys merged
     * as go-yaml v2 merges them, a repeated key keeping its last value), recording the line of every field and item,
     * and the text of every plain scalar kubectl does not read as a string.
     */
    private static final class Converter {
        private final Path file;
        private final Map<String, Integer> lines;
        private final Map<String, String> plain;
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(Path file, Map<String, Integer> lines, Map<String, String> plain) {
            this.file = file;
            this.lines = lines;
            this.plain = plain;
        }

        JsonNode value(Node node, String pointer) throws ManifestException {
            lines.putIfAbsent(pointer, lineOf(node));
            if (!open.add(node)) {
                throw new ManifestException(
                        file, lineOf(node), "an alias refers to its own anchor: kubectl cannot read it");
            }
            try {
                return switch (node.getNodeId()) {
                    case scalar -> scalar((ScalarNode) node, pointer);
                    case sequence -> sequence((SequenceNode) node, pointer);
                    case mapping -> mapping((MappingNode) node, pointer);
                    default ->
                        throw new ManifestException(file, lineOf(node), "unexpected YAML node " + node.getNodeId());
                };
            } finally {
                open.remove(node);
            }
        }

        private JsonNode scalar(ScalarNode node, String pointer) throws ManifestException {
            String text = node.getValue();
            try {
                if (node.getTag().equals(PlainScalars.PLAIN)) {
                    JsonNode value = KubectlScalars.plain(text);
                    if (!value.isTextual() && pointer != null) {
                        plain.put(pointer, text);
                    }
                    return value;
                }
                return KubectlScalars.tagged(node.getTag().getValue(), text);
            } catch (KubectlScalars.Unreadable e) {
                throw new ManifestException(file, lineOf(node), e.getMessage());
            }
        }

        private JsonNode sequence(SequenceNode node, String pointer) throws ManifestException {
            ArrayNode array = NODES.arrayNode();
            for (Node item : node.getValue()) {
                array.add(value(item, pointer + "/" + array.size()));
            }
            return array;
        }

        private JsonNode mapping(MappingNode node, String pointer) throws ManifestException {
            ObjectNode object = NODES.objectNode();
            for (NodeTuple entry : node.getValue()) {
                Node key = entry.getKeyNode();
                if (!(key instanceof ScalarNode scalarKey)) {
                    throw new ManifestException(
                            file, lineOf(key), "a key that is itself a mapping or a list: kubectl cannot read it");
                }
                if (scalarKey.getTag().equals(PlainScalars.PLAIN)
                        && scalarKey.getValue().equals("<<")) {
                    merge(entry.getValueNode(), object, pointer);
                    continue;
                }
                String name;
                try {
                    name = KubectlScalars.key(scalar(scalarKey, null), scalarKey.getValue());
                } catch (KubectlScalars.Unreadable e) {
                    throw new ManifestException(file, lineOf(key), e.getMessage());
                }
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                lines.put(child, lineOf(key));
                plain.remove(child);
                object.set(name, value(entry.getValueNode(), child));
            }
            return object;
        }

        /** go-yaml v2: a merged mapping's keys replace those already set; of a list of mappings, the first wins. */
        private void merge(Node source, ObjectNode into, String pointer) throws ManifestException {
            List<Node> sources = new ArrayList<>();
            if (source instanceof MappingNode) {
                sources.add(source);
            } else if (source instanceof SequenceNode sequence
                    && sequence.getValue().stream().allMatch(MappingNode.class::isInstance)) {
                sources.addAll(sequence.getValue());
                Collections.reverse(sources);
            } else {
                throw new ManifestException(
                        file, lineOf(source), "map merge requires map or sequence of maps as the value");
            }
            for (Node mapping : sources) {
                JsonNode merged = value(mapping, pointer);
                merged.properties().forEach(field -> into.set(field.getKey(), field.getValue()));
            }
        }
    }
}
