package io.pbxops.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.operator.manifest.Manifest;
import io.pbxops.operator.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestApplierTest {

    @Test
    void theLastAppliedConfigurationIsWrittenAsKubectlWritesIt() throws Exception {
        ObjectNode company = (ObjectNode) new ObjectMapper().readTree("""
                {"apiVersion":"pbxops.io/v1alpha1","kind":"Company",
                 "metadata":{"name":"acme","namespace":"default","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"old"}},
                 "spec":{"siteName":"HQ <Lyon> & co","country":"FRA","displayName":"ACME"}}""");
        String expected = """
                {"apiVersion":"pbxops.io/v1alpha1","kind":"Company","metadata":{"annotations":{},"name":"acme","namespace":"default"},\
                "spec":{"country":"FRA","displayName":"ACME","siteName":"HQ \\u003cLyon\\u003e \\u0026 co"}}
                """;
        assertEquals(expected, ManifestApplier.lastApplied(company));
    }

    @Test
    void aStringFieldWrittenUnquotedThatKubectlReadsAsANumberIsRefusedWithTheFix() throws Exception {
        Path file = Path.of("plan.yaml");
        List<Manifest> manifests = ManifestReader.readText(file, """
                apiVersion: pbxops.io/v1alpha1
                kind: NumberingPlan
                metadata: {name: fr}
                spec:
                  rules:
                  - match: "^218"
                    replace: 039067
                """);
        try (EmbeddedApiServer server = EmbeddedApiServer.start(0)) {
            ManifestApplier.Result result = new ManifestApplier(server.client()).apply(manifests);
            assertEquals(0, result.applied());
            assertEquals(1, result.refused().size());
            String refusal = result.refused().get(0);
            assertTrue(refusal.startsWith("plan.yaml:1: NumberingPlan/fr: "), refusal);
            assertTrue(
                    refusal.contains(
                            "(plan.yaml:7: spec.rules[0].replace: unquoted, 039067 is the number 39067 to kubectl"),
                    refusal);
            assertTrue(refusal.endsWith("quote it: \"039067\")"), refusal);
        }
    }
}
