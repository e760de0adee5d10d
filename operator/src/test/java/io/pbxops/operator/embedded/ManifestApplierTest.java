package io.pbxops.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
}
