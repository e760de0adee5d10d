package io.pbxops.operator.cli;

import static io.pbxops.operator.cli.Commands.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pbx-operator validate} as CI runs it: exit status, one line per problem, JSON for machines. */
class ValidateCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void theSampleFleetIsValid() {
        Commands.Run run = run("validate", "../samples");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("valid: "), run.out());
        assertTrue(run.out().contains("of other kinds skipped"), "the placeholder Secrets are skipped: " + run.out());
    }

    @Test
    void eachInvalidFixtureExitsOneWithLinesNamingFileObjectAndField() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".invalid.yaml"))
                    .sorted()
                    .toList()) {
                Commands.Run run = run("validate", file.toString());
                assertEquals(1, run.exit(), file + ": " + run.out());
                List<String> lines = run.out().lines().toList();
                String summary = lines.get(lines.size() - 1);
                assertTrue(summary.matches("\\d+ problems? in \\d+ objects?; checked .*"), summary);
                for (String line : lines.subList(0, lines.size() - 1)) {
                    // FILE:LINE: Kind/name: field.path: message
                    assertTrue(
                            line.matches(Pattern.quote(file.toString()) + ":\\d+: [A-Za-z]+/[^:]+: [^ ]+: .+"), line);
                }
            }
        }
    }

    @Test
    void eachValidFixtureExitsZero() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".valid.yaml"))
                    .sorted()
                    .toList()) {
                Commands.Run run = run("validate", file.toString());
                assertEquals(0, run.exit(), file + ": " + run.out());
            }
        }
    }

    @Test
    void jsonOutputListsProblemsWithTheirRule() throws IOException {
        Commands.Run run = run(
                "validate",
                "--output",
                "json",
                FIXTURES.resolve("fleet-on-oxe.invalid.yaml").toString());
        assertEquals(1, run.exit());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(false, report.get("valid").asBoolean());
        JsonNode problem = report.get("problems").get(0);
        assertEquals("Pbx", problem.get("kind").asText());
        assertEquals("acme-oxe", problem.get("name").asText());
        assertEquals("spec.activation.mode", problem.get("field").asText());
        assertEquals("cel", problem.get("rule").asText());
        assertTrue(problem.get("line").asInt() > 1);
    }

    @Test
    void brokenYamlOrAMissingPathExitsTwo(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "apiVersion: pbxops.io/v1alpha1\nkind: Company\nmetadata: {name: acme\nspec: [\n");
        Commands.Run run = run("validate", broken.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("broken.yaml") && run.err().contains("not valid YAML"), run.err());
        assertEquals(2, run("validate", dir.resolve("nowhere").toString()).exit());
    }

    @Test
    void otherKindsAreSkippedNotChecked(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mixed.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: anything}
                data: {whatever: "1"}
                ---
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata: {name: acme}
                spec: {country: FRA}
                """);
        Commands.Run run = run("validate", dir.toString());
        assertEquals(0, run.exit(), run.out());
        assertEquals(
                "valid: 1 object in 1 file (1 of other kinds skipped)",
                run.out().strip());
    }

    @Test
    void everyCommandHasHelp() {
        Commands.Run top = run("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("validate"));
        Commands.Run validate = run("validate", "--help");
        assertEquals(0, validate.exit());
        assertTrue(validate.out().contains("Exit status"), validate.out());
    }

    @Test
    void aStringWrittenUnquotedThatKubectlReadsAsANumberIsRefusedWithTheFix(@TempDir Path folder) throws IOException {
        Path plan = Files.writeString(folder.resolve("plan.yaml"), """
                apiVersion: pbxops.io/v1alpha1
                kind: NumberingPlan
                metadata: {name: fr}
                spec:
                  rules:
                  - match: "^218"
                    replace: 039067
                """);
        Commands.Run run = run("validate", plan.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(
                run.out()
                        .startsWith(
                                plan + ":7: NumberingPlan/fr: spec.rules[0].replace: unquoted, 039067 is the number "
                                        + "39067 to kubectl (YAML 1.1 as go-yaml reads it), not a string: quote it: \"039067\"\n"),
                run.out());
    }
}
