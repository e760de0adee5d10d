package io.pbxops.operator.gitops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.List;

/**
 * One manifest as a person would write it: apiVersion, kind, name and annotations, the spec without empty fields,
 * no status; strings that look like numbers or booleans quoted; comments above.
 */
final class ManifestYaml {

    private static final ObjectMapper JSON =
            new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    static final int WIDTH = 110;

    private ManifestYaml() {}

    /** A comment's lines of at most {@link #WIDTH} characters; indented lines (YAML examples) as they are. */
    static List<String> wrap(String comment) {
        if (comment.startsWith(" ") || comment.length() <= WIDTH) {
            return List.of(comment);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : comment.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    static String document(HasMetadata object, List<String> comments) {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("apiVersion", object.getApiVersion());
        tree.put("kind", object.getKind());
        ObjectNode metadata = tree.putObject("metadata");
        metadata.put("name", object.getMetadata().getName());
        if (object.getMetadata().getAnnotations() != null
                && !object.getMetadata().getAnnotations().isEmpty()) {
            metadata.set("annotations", JSON.valueToTree(object.getMetadata().getAnnotations()));
        }
        if (object instanceof CustomResource<?, ?> resource && resource.getSpec() != null) {
            tree.set("spec", JSON.valueToTree(resource.getSpec()));
        }
        StringBuilder text = new StringBuilder();
        comments.forEach(comment -> wrap(comment)
                .forEach(line -> text.append("#")
                        .append(line.isEmpty() ? "" : " " + line)
                        .append('\n')));
        try {
            return text.append(YAML.writeValueAsString(tree)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write " + object.getKind() + " "
                            + object.getMetadata().getName(),
                    e);
        }
    }
}
