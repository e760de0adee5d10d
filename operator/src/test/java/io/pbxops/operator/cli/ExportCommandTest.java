package io.pbxops.operator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.gitops.SimulatedFleet;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code pbx-operator export} on a small simulated fleet: layout, references, annotations, no secrets, read only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportCommandTest {

    private Simulator simulator;

    /** One fleet for every case: an export only reads it (each run checks so). */
    @BeforeAll
    void fleet() throws Exception {
        simulator = Simulator.start(
                SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(11L));
        try (RainbowClient client = CloudAccount.client(simulator)) {
            new SimulatedFleet(client).create(new SimulatedFleet.Sizes(4, 2));
        }
    }

    @AfterAll
    void stop() {
        simulator.close();
    }

    private Commands.Run export(Path temp, String... args) {
        List<String> all = new ArrayList<>(List.of("export"));
        all.addAll(List.of(args));
        return Commands.readingOnly(simulator, temp.resolve("credentials"), all.toArray(String[]::new));
    }

    @Test
    void onePerCompanyFolderAndASharedOneWithResolvedReferencesAndExternalIds(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("fleet");
        Commands.Run run = export(temp, "--out", out.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(
                run.out()
                        .startsWith(
                                "exported 4 Company, 5 NumberingPlan, 22 Pbx, 6 PbxShare, 12 WebRtcGateway in 22 files"),
                run.out());
        assertTrue(
                run.out().contains("checked: valid, and a plan of it against the cloud shows no changes"), run.out());
        for (int i = 1; i <= 4; i++) {
            Path folder = out.resolve("companies/company-00" + i + "-sa");
            for (String file :
                    List.of("company.yaml", "pbxs.yaml", "gateways.yaml", "numbering-plans.yaml", "shares.yaml")) {
                assertTrue(
                        Files.isRegularFile(folder.resolve(file)),
                        folder.resolve(file).toString());
            }
        }
        String pbxs = Files.readString(out.resolve("companies/company-001-sa/pbxs.yaml"));
        assertTrue(pbxs.contains("  companyRef:\n    name: company-001-sa\n"), pbxs);
        assertTrue(pbxs.contains("pbxops.io/external-id: "), pbxs);
        assertTrue(
                pbxs.contains("# The O2G management endpoint and the network prerequisites are settings of the PBX"),
                pbxs);
        String shared = Files.readString(out.resolve("shared/pbxs.yaml"));
        assertTrue(shared.contains("  shared: true\n") && !shared.contains("companyRef"), shared);
        assertTrue(
                Files.readString(out.resolve("numbering-plans.yaml")).contains("match: ^218"),
                "the common rules, at the root");
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("no changes; applying it makes the operator write nothing"), readme);
    }

    @Test
    void noActivationCodeAndNoFleetReferenceIsWritten(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("fleet");
        assertEquals(0, export(temp, "--out", out.toString()).exit());
        String everything = allFiles(out);
        List<String> codes = new ArrayList<>();
        for (JsonNode system : simulator.control().state().path("systems")) {
            codes.add(system.path("activationCode").asText());
            codes.add(system.path("pbxId").asText());
        }
        for (String code : codes) {
            // As a whole word: a 4-digit generated code may well occur inside a hexadecimal cloud ID.
            if (!code.isEmpty()) {
                assertFalse(
                        Pattern.compile("(?<![0-9A-Za-z.-])" + Pattern.quote(code) + "(?![0-9A-Za-z.-])")
                                .matcher(everything)
                                .find(),
                        "an equipment ID or activation code is in the export");
            }
        }
        assertFalse(everything.contains("fleetReference"), "fleet references are asked for explicitly");
        assertTrue(everything.contains("A fleet (stock mode) PBX: its equipment ID is also its activation code"));
    }

    @Test
    void fleetReferencesOnRequest(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("fleet");
        Commands.Run run =
                export(temp, "--out", out.toString(), "--include-fleet-references", "--company", "Company 002 SA");
        assertEquals(0, run.exit(), run.out() + run.err());
        String pbxs = Files.readString(out.resolve("companies/company-002-sa/pbxs.yaml"));
        assertTrue(
                pbxs.contains("    mode: Fleet\n    fleetReference: ALE12\n    installationReference: 0002.0001.02\n"),
                pbxs);
        assertFalse(Files.exists(out.resolve("companies/company-001-sa")), "only the company asked for");
    }

    @Test
    void refusesAFolderThatIsNotEmptyAndAnUnknownCompany(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve("keep.txt"), "mine");
        Commands.Run notEmpty = Commands.readingOnly(
                simulator, temp.resolve("credentials"), Map.of(), "export", "--out", temp.toString());
        assertEquals(1, notEmpty.exit());
        assertTrue(notEmpty.err().contains("is not empty"), notEmpty.err());
        Commands.Run unknown = export(temp, "--out", temp.resolve("fleet").toString(), "--company", "Nobody");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no company named \"Nobody\""), unknown.err());
    }

    private static String allFiles(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }
}
