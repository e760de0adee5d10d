package io.pbxops.operator.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.operator.testing.Kubectl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground truth for YAML: the installed kubectl prints how it read a file ({@code kubectl label --local -o json}
 * needs no server), and ManifestReader must read every form in {@code yaml-forms/forms.yaml} the same way, value by
 * value. kubectl is part of the build's machine (.ci/run installs it where it is missing).
 */
class KubectlYamlAgreementTest {

    private static final Path FORMS = Path.of("src/test/resources/yaml-forms/forms.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormReadsAsKubectlReadsIt(@TempDir Path folder) throws Exception {
        // An empty configuration: --local reads the file only, no server is asked.
        Path kubeconfig = Files.writeString(folder.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Kubectl kubectl = new Kubectl(Kubectl.required(), kubeconfig, folder.resolve("cache"));
        Kubectl.Result read = kubectl.run("label", "-f", FORMS.toString(), "--local", "read-by=kubectl", "-o", "json")
                .assertSucceeded("kubectl label --local");
        JsonNode kubectlRead = JSON.readTree(read.out());

        List<Manifest> manifests = ManifestReader.readFile(FORMS);
        assertEquals(1, manifests.size());
        ObjectNode ours = manifests.get(0).object().deepCopy();
        ours.withObjectProperty("metadata").withObjectProperty("labels").put("read-by", "kubectl");

        Map<String, String> differences = new TreeMap<>();
        compare("", canonical(kubectlRead), canonical(ours), differences);
        assertEquals(Map.of(), differences, "fields read differently (kubectl, then ManifestReader)");
    }

    /** Numbers as exact decimals (39067 and 39067.0 are the same JSON number to the API server). */
    private static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), canonical(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }

    private static void compare(String pointer, JsonNode expected, JsonNode actual, Map<String, String> differences) {
        if (expected.isObject() && actual.isObject()) {
            TreeMap<String, Boolean> names = new TreeMap<>();
            expected.fieldNames().forEachRemaining(name -> names.put(name, true));
            actual.fieldNames().forEachRemaining(name -> names.put(name, true));
            for (String name : names.keySet()) {
                compare(pointer + "/" + name, expected.path(name), actual.path(name), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.put(pointer, expected + " then " + actual);
        }
    }
}
