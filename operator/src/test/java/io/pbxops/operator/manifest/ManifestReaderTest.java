package io.pbxops.operator.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

    private static final Path FILE = Path.of("fleet.yaml");

    @Test
    void readsEveryDocumentWithTheLineOfEachField() throws ManifestException {
        List<Manifest> manifests = ManifestReader.readText(FILE, """
                # a comment
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata:
                  name: acme
                spec:
                  country: FRA
                ---
                ---
                apiVersion: pbxops.io/v1alpha1
                kind: NumberingPlan
                metadata: {name: fr}
                spec:
                  rules:
                  - match: "^18$"
                    replace: ""
                  - {match: "^218", replace: "039067"}
                """);
        assertEquals(2, manifests.size(), "the empty document between two --- is not an object");
        Manifest company = manifests.get(0);
        assertEquals("Company", company.kind());
        assertEquals("acme", company.name());
        assertEquals(7, company.lineOf("spec.country"));
        assertEquals(6, company.lineOf("spec.displayName"), "a missing field is reported on its parent's line");
        Manifest plan = manifests.get(1);
        assertEquals(10, plan.line());
        assertEquals(16, plan.lineOf("spec.rules[0].replace"));
        assertEquals(17, plan.lineOf("spec.rules[1].match"));
    }

    @Test
    void expandsAList() throws ManifestException {
        List<Manifest> manifests = ManifestReader.readText(FILE, """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: pbxops.io/v1alpha1
                  kind: Company
                  metadata: {name: acme}
                  spec:
                    country: FRA
                - apiVersion: pbxops.io/v1alpha1
                  kind: Company
                  metadata: {name: globex}
                  spec: {country: DEU}
                """);
        assertEquals(
                List.of("acme", "globex"),
                manifests.stream().map(Manifest::name).toList());
        assertEquals(8, manifests.get(0).lineOf("spec.country"));
    }

    @Test
    void brokenYamlNamesTheLine() {
        ManifestException e = assertThrows(
                ManifestException.class,
                () -> ManifestReader.readText(FILE, "kind: Company\nmetadata: {name: acme\nspec: x\n"));
        assertEquals(FILE, e.file());
        assertEquals(true, e.line() > 0);
    }

    @Test
    void aScalarDocumentIsRefused() {
        assertThrows(ManifestException.class, () -> ManifestReader.readText(FILE, "just a string\n"));
    }
}
