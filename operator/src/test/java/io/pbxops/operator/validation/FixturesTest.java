package io.pbxops.operator.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.operator.crd.CrdCatalog;
import io.pbxops.operator.crd.PbxOpsKinds;
import io.pbxops.operator.manifest.Manifest;
import io.pbxops.operator.manifest.ManifestReader;
import io.pbxops.operator.validation.ManifestSetValidator.Finding;
import io.pbxops.operator.validation.ManifestSetValidator.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule has a failing fixture ({@code <rule>.invalid.yaml}, whose {@code # expect:} lines list exactly the
 * problems it must produce) and a passing one ({@code <rule>.valid.yaml}, the same objects fixed). The coverage tests
 * make sure no CEL rule and no schema constraint of the generated CRDs lacks a failing fixture.
 */
class FixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final String EXPECT = "# expect: ";

    @TestFactory
    Stream<DynamicTest> everyInvalidFixtureGivesExactlyItsExpectedProblems() throws IOException {
        return fixtures(".invalid.yaml")
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    List<String> expected = expectations(file);
                    assertFalse(expected.isEmpty(), file + " has no '# expect:' line");
                    Report report = ManifestSetValidator.validate(ManifestReader.readFile(file));
                    List<String> produced = report.findings().stream()
                            .map(FixturesTest::describe)
                            .toList();
                    for (String expectation : expected) {
                        assertTrue(
                                produced.stream().anyMatch(p -> p.startsWith(expectation)),
                                "expected a problem starting with\n  " + expectation + "\nbut got\n  "
                                        + String.join("\n  ", produced));
                    }
                    for (String problem : produced) {
                        assertTrue(
                                expected.stream().anyMatch(problem::startsWith),
                                "unexpected problem\n  " + problem + "\nexpected only\n  "
                                        + String.join("\n  ", expected));
                    }
                    for (Finding finding : report.findings()) {
                        assertTrue(finding.line() > 0, "a problem without a line: " + describe(finding));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidFixtureIsValid() throws IOException {
        return fixtures(".valid.yaml")
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    Report report = ManifestSetValidator.validate(ManifestReader.readFile(file));
                    assertTrue(
                            report.valid(),
                            () -> "problems in a valid fixture:\n  "
                                    + String.join(
                                            "\n  ",
                                            report.findings().stream()
                                                    .map(FixturesTest::describe)
                                                    .toList()));
                }));
    }

    @Test
    void everyInvalidFixtureHasItsFixedVariant() throws IOException {
        try (Stream<Path> invalid = fixtures(".invalid.yaml")) {
            invalid.forEach(file -> assertTrue(
                    Files.exists(
                            file.resolveSibling(file.getFileName().toString().replace(".invalid.yaml", ".valid.yaml"))),
                    "no valid variant of " + file));
        }
    }

    /**
     * An update (a file's first document as stored, its second as the update) is checked as the API server checks
     * it, the CRDs' transition rules ({@code oldSelf}) included; {@code .transition-valid.yaml} ones pass.
     */
    @TestFactory
    Stream<DynamicTest> everyTransitionFixtureGivesItsExpectedProblems() throws IOException {
        return Stream.concat(fixtures(".transition.yaml"), fixtures(".transition-valid.yaml"))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    List<String> expected = expectations(file);
                    assertEquals(
                            file.getFileName().toString().endsWith(".transition.yaml"),
                            !expected.isEmpty(),
                            file + ": a refused update says what it expects, an accepted one expects nothing");
                    List<String> produced = transitionProblems(file);
                    assertEquals(expected.size(), produced.size(), "expected " + expected + "\nbut got " + produced);
                    for (int i = 0; i < expected.size(); i++) {
                        assertTrue(produced.get(i).startsWith(expected.get(i)), produced.get(i));
                    }
                }));
    }

    private static List<String> transitionProblems(Path file) throws Exception {
        List<Manifest> documents = ManifestReader.readFile(file);
        assertEquals(2, documents.size(), file + ": the object as stored, then the update");
        Manifest update = documents.get(1);
        return ObjectValidator.get().validate(update.object(), documents.get(0).object()).stream()
                .map(problem -> update.kind() + "/" + update.name() + ": " + problem.field() + ": " + problem.message())
                .toList();
    }

    @Test
    void everyCelRuleHasAFailingFixture() throws Exception {
        Set<String> covered = coveredRules();
        List<String> uncovered = new ArrayList<>();
        int rules = 0;
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            for (String message : celMessages(CrdCatalog.openApiSchema(kind))) {
                rules++;
                if (covered.stream().noneMatch(c -> c.startsWith("cel|") && c.contains(message))) {
                    uncovered.add(kind.kind() + ": " + message);
                }
            }
        }
        assertTrue(rules >= 20, "the CRDs lost CEL rules: " + rules);
        assertTrue(uncovered.isEmpty(), "CEL rules without a failing fixture:\n  " + String.join("\n  ", uncovered));
    }

    /**
     * Each constraint of the schemas (enum, pattern, bounds, lengths, item counts, required) fails in some fixture.
     * A constraint shared by several fields (the name of every reference, every deletionPolicy) is one rule.
     */
    @Test
    void everySchemaConstraintHasAFailingFixture() throws Exception {
        Set<String> covered = coveredRules();
        Map<String, List<String>> fieldsByRule = new HashMap<>();
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            JsonNode spec = CrdCatalog.openApiSchema(kind).at("/properties/spec");
            collectConstraints(spec, "spec", fieldsByRule);
        }
        List<String> uncovered = new ArrayList<>();
        fieldsByRule.forEach((rule, fields) -> {
            String keyword = rule.substring(0, rule.indexOf('|'));
            boolean found = fields.stream().anyMatch(field -> covered.contains("schema/" + keyword + "|" + field));
            if (!found) {
                uncovered.add(rule + " at " + fields);
            }
        });
        assertTrue(fieldsByRule.size() > 40, "the CRDs lost schema constraints: " + fieldsByRule.size());
        assertTrue(
                uncovered.isEmpty(),
                "schema constraints without a failing fixture:\n  " + String.join("\n  ", uncovered));
    }

    @Test
    void theDomainRulesEachHaveAFixture() {
        // docs/domain.md#rules-for-bad-input, one fixture per rule of the table.
        List.of(
                        "fleet-on-oxe",
                        "fleet-references",
                        "pbx-activation-schema",
                        "gateway-internal",
                        "gateway-external",
                        "oxe-only-settings",
                        "conference-call-out",
                        "ccd-withdraw-reason",
                        "pbx-ccd-reason-range",
                        "webrtc-license",
                        "plan-size",
                        "plan-compile",
                        "company-country",
                        "company-state",
                        "plan-dialect",
                        "missing-references",
                        "share-of-unshared",
                        "duplicate-equipment-id")
                .forEach(name ->
                        assertTrue(Files.exists(FIXTURES.resolve(name + ".invalid.yaml")), "missing fixture " + name));
    }

    /** {@code <rule>|<field with [*]>} for every problem of every invalid fixture, and {@code cel|<message>}. */
    private static Set<String> coveredRules() throws Exception {
        Set<String> covered = new HashSet<>();
        try (Stream<Path> files = fixtures(".invalid.yaml")) {
            for (Path file : files.toList()) {
                for (Finding finding : ManifestSetValidator.validate(ManifestReader.readFile(file))
                        .findings()) {
                    Problem problem = finding.problem();
                    covered.add(problem.rule() + "|" + problem.field().replaceAll("\\[\\d+]", "[*]"));
                    if (problem.rule().equals("cel")) {
                        covered.add("cel|" + problem.message());
                    }
                }
            }
        }
        try (Stream<Path> files = fixtures(".transition.yaml")) {
            for (Path file : files.toList()) {
                List<Manifest> documents = ManifestReader.readFile(file);
                ObjectValidator.get()
                        .validate(documents.get(1).object(), documents.get(0).object())
                        .stream()
                        .filter(problem -> problem.rule().equals("cel"))
                        .forEach(problem -> covered.add("cel|" + problem.message()));
            }
        }
        return covered;
    }

    private static void collectConstraints(JsonNode schema, String field, Map<String, List<String>> fieldsByRule) {
        for (String keyword : List.of("enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "maxItems")) {
            if (schema.has(keyword)) {
                String property = field.substring(field.lastIndexOf('.') + 1).replace("[*]", "");
                fieldsByRule
                        .computeIfAbsent(keyword + "|" + schema.get(keyword) + "|" + property, k -> new ArrayList<>())
                        .add(field);
            }
        }
        if (schema.has("required")) {
            for (JsonNode required : schema.get("required")) {
                String child = field + "." + required.asText();
                fieldsByRule
                        .computeIfAbsent(
                                "required|" + required.asText() + "|"
                                        + schema.path("properties").path(required.asText()),
                                k -> new ArrayList<>())
                        .add(child);
            }
        }
        if (schema.has("properties")) {
            Iterator<Map.Entry<String, JsonNode>> properties =
                    schema.get("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                collectConstraints(property.getValue(), field + "." + property.getKey(), fieldsByRule);
            }
        }
        if (schema.has("items")) {
            collectConstraints(schema.get("items"), field + "[*]", fieldsByRule);
        }
    }

    private static List<String> celMessages(JsonNode schema) {
        List<String> messages = new ArrayList<>();
        schema.findValues("x-kubernetes-validations")
                .forEach(rules ->
                        rules.forEach(rule -> messages.add(rule.path("message").asText())));
        return messages;
    }

    static String describe(Finding finding) {
        String field =
                finding.problem().field().isEmpty() ? "" : finding.problem().field() + ": ";
        return finding.manifest().kind() + "/" + finding.manifest().name() + ": " + field
                + finding.problem().message();
    }

    static List<String> expectations(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(l -> l.startsWith(EXPECT))
                .map(l -> l.substring(EXPECT.length()))
                .toList();
    }

    static Stream<Path> fixtures(String suffix) throws IOException {
        return Files.list(FIXTURES)
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .sorted();
    }
}
