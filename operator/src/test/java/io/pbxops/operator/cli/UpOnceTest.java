package io.pbxops.operator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.testing.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code up --once}: its exit status, its final table, and a second run that continues from {@code --state}. */
class UpOnceTest {

    private record Run(int exit, String output) {}

    @TempDir
    Path work;

    @Test
    void theSamplesConvergeAndUpExitsZeroWithTheFinalTable() {
        Run run = up("--manifests", Samples.FOLDER.toString(), "--once");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("converged in "), run.output());
        assertTrue(
                run.output()
                        .lines()
                        .anyMatch(line -> line.matches(
                                "Pbx +umbrella-oxo +Pending +False \\(installer\\) +AwaitingActivation: .*")),
                "the build-to-order OXO waits for its installer:\n" + run.output());
        assertTrue(
                run.output().lines().anyMatch(line -> line.matches("Pbx +acme-oxe1 +Running +True +Available: .*")),
                run.output());
        assertTrue(Files.exists(work.resolve(".pbxops/kubeconfig")));
    }

    @Test
    void aFleetThatCannotConvergeEndsWithOneAtTheTimeout() throws IOException {
        Path orphan = Files.writeString(work.resolve("orphan.yaml"), """
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: orphan-oxo}
                spec:
                  companyRef: {name: nobody}
                  type: OXOConnect
                  dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00", outboundPrefix: "0", useOutboundPrefix: false}
                """);
        Run run = up("--manifests", orphan.toString(), "--once", "--timeout", "4s");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("not converged after"), run.output());
        assertTrue(run.output().contains("orphan-oxo"), run.output());
    }

    @Test
    void manifestsThatCannotBeReadEndWithTwo() {
        Run run = up("--manifests", work.resolve("nothing-here").toString(), "--once");
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("no such file or folder"), run.output());
    }

    @Test
    void aSecondRunContinuesFromTheSavedState() throws IOException {
        Path state = work.resolve("state");
        Run first = up("--manifests", Samples.FOLDER.toString(), "--once", "--state", state.toString());
        assertEquals(0, first.exit(), first.output());
        String companyId = companyId(state, "acme");
        assertFalse(companyId.isEmpty());
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("cluster.json"))),
                "the saved cluster holds Secrets");

        Run second = up("--once", "--state", state.toString());
        assertEquals(0, second.exit(), second.output());
        assertTrue(second.output().contains("restored "), second.output());
        assertEquals(companyId, companyId(state, "acme"), "the same cloud company, not a second one");
        JsonNode cloud =
                new ObjectMapper().readTree(state.resolve("simulator.json").toFile());
        assertEquals(
                5,
                cloud.at("/cloud/companies").size(),
                "the samples' four companies and the reseller's own:\n" + cloud.at("/cloud/companies"));
    }

    private Run up(String... args) {
        StringWriter output = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        int exit = commandLine.execute(Commands.up(work.resolve(".pbxops/kubeconfig"), args));
        return new Run(exit, output.toString());
    }

    private static String companyId(Path state, String name) throws IOException {
        for (JsonNode object : new ObjectMapper()
                .readTree(state.resolve("cluster.json").toFile())
                .path("objects")) {
            if ("Company".equals(object.path("kind").asText())
                    && name.equals(object.at("/metadata/name").asText())) {
                return object.at("/status/companyId").asText();
            }
        }
        return "";
    }
}
