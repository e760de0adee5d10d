package io.pbxops.operator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.gitops.CloudAccount;
import io.pbxops.operator.gitops.CloudWrites;
import io.pbxops.operator.gitops.SimulatedFleet;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pbx-operator plan} against a simulated fleet: a pull request's changes of every kind, shown per object and
 * field, with exit status 2; none, with 0; bad manifests, with 1. Every test ends by proving the plan read only: the
 * simulator's request counts show no POST, PUT or DELETE on the cloud's admin API and no write to the O2G API.
 */
class PlanCommandTest {

    static Simulator simulator;
    static Path exported;
    static Path credentials;

    @BeforeAll
    static void fleet(@TempDir Path temp) throws Exception {
        simulator = Simulator.start(
                SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(13L));
        try (RainbowClient client = CloudAccount.client(simulator)) {
            new SimulatedFleet(client).create(new SimulatedFleet.Sizes(4, 2));
        }
        credentials = temp.resolve("credentials");
        exported = temp.resolve("base");
        ValidateCommandTest.Run export = plan("export", "--out", exported.toString());
        assertEquals(0, export.exit(), export.out() + export.err());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static ValidateCommandTest.Run plan(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(CloudAccount.cliArguments(simulator, credentials));
        Map<String, Long> adminWrites = CloudWrites.admin(simulator);
        Map<String, Long> o2gWrites = CloudWrites.o2g(simulator);
        ValidateCommandTest.Run run = ValidateCommandTest.run(all.toArray(String[]::new));
        if (!"export".equals(args[0])) {
            assertEquals(adminWrites, CloudWrites.admin(simulator), "plan wrote to the cloud");
            assertEquals(o2gWrites, CloudWrites.o2g(simulator), "plan wrote to a PBX");
        }
        return run;
    }

    @Test
    void theFleetAsExportedPlansNoChange() throws IOException {
        ValidateCommandTest.Run run = plan("plan", exported.toString());
        assertEquals(PlanCommand.NO_CHANGES, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("No changes. 0 create, 0 update"), run.out());
    }

    @Test
    void aPullRequestShowsEachChangeByObjectAndFieldAndExitsTwo(@TempDir Path temp) throws IOException {
        Path head = copy(exported, temp.resolve("head"));
        edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: AUT");
        edit(
                head.resolve("companies/company-002-sa/pbxs.yaml"),
                "serverName: C002-OXE-2",
                "serverName: C002-OXE-2\n  resetToken: \"2024-06-01\"");
        edit(head.resolve("numbering-plans.yaml"), "replace: \"039067\"", "replace: \"039068\"");
        Files.delete(head.resolve("companies/company-003-sa/shares.yaml"));
        removeDocument(head.resolve("companies/company-004-sa/gateways.yaml"), "c004-oxo-1-gw");
        Files.writeString(head.resolve("companies/newco.yaml"), """
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata: {name: newco}
                spec: {displayName: NewCo, country: FRA}
                ---
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: newco-oxo}
                spec:
                  companyRef: {name: newco}
                  type: OXOConnect
                  activation: {mode: Fleet, fleetReference: NEW01, installationReference: 1111.2222.33}
                  dialing: {country: FRA, nationalPrefix: "0"}
                """);

        ValidateCommandTest.Run run = plan("plan", head.toString(), "--base", exported.toString());

        assertEquals(PlanCommand.CHANGES, run.exit(), run.out() + run.err());
        String out = run.out();
        assertTrue(out.contains("Company/company-001-sa"), out);
        assertTrue(out.contains("country: \"DEU\" → \"AUT\""), out);
        assertTrue(out.contains("! reset: resetToken set to \"2024-06-01\""), out);
        assertTrue(out.contains("pbxNumberingTranslator[0].regexpReplace: \"039067\" → \"039068\""), out);
        assertTrue(out.contains("- unlink: unlink system"), out);
        assertTrue(out.contains("- delete: remove WebRTC gateway \"c004-oxo-1-gw\""), out);
        assertTrue(out.contains("+ create: company \"NewCo\""), out);
        assertTrue(
                out.contains(
                        "+ create: system \"newco-oxo\" in the site of Company/newco, its fleet references as equipment ID"),
                out);
        assertTrue(out.contains("x-pbxops.model: \"oxo-connect\""), out);
        assertFalse(
                out.contains("WebRtcGateway \"c004-oxo-1-gw\" ("), "a gateway being deleted is still managed: " + out);
        assertFalse(out.contains("NEW01-1111.2222.33"), "a fleet equipment ID is its activation code: " + out);
        assertTrue(out.contains("Plan: 3 create, "), out);
    }

    @Test
    void jsonForMachines(@TempDir Path temp) throws IOException {
        Path head = copy(exported, temp.resolve("head"));
        edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: AUT");
        ValidateCommandTest.Run run = plan("plan", head.toString(), "-o", "json");
        assertEquals(PlanCommand.CHANGES, run.exit(), run.err());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertTrue(plan.path("changes").asBoolean());
        assertEquals(1, plan.path("summary").path("update").asInt());
        JsonNode field =
                plan.path("objects").get(0).path("steps").get(0).path("fields").get(0);
        assertEquals("country", field.path("field").asText());
        assertEquals("DEU", field.path("from").asText());
        assertEquals("AUT", field.path("to").asText());
    }

    @Test
    void allListsTheCloudObjectsNoManifestDeclares(@TempDir Path temp) throws IOException {
        Path head = copy(exported, temp.resolve("head"));
        deleteTree(head.resolve("companies/company-004-sa"));
        deleteTree(head.resolve("shared"));
        Files.walk(head)
                .filter(f -> f.getFileName().toString().equals("shares.yaml"))
                .toList()
                .forEach(PlanCommandTest::delete);

        ValidateCommandTest.Run scoped = plan("plan", head.toString());
        ValidateCommandTest.Run all = plan("plan", head.toString(), "--all");

        assertEquals(PlanCommand.NO_CHANGES, all.exit(), all.out() + all.err());
        assertFalse(scoped.out().contains("Company \"Company 004 SA\""), scoped.out());
        assertTrue(all.out().contains("Company \"Company 004 SA\""), all.out());
        assertTrue(all.out().contains("Pbx \"C004-OXE-1\""), all.out());
        assertTrue(all.out().contains("Pbx \"SHARED-OXO-001\""), all.out());
    }

    @Test
    void aPausedObjectIsShownButNotCounted(@TempDir Path temp) throws IOException {
        Path head = copy(exported, temp.resolve("head"));
        edit(
                head.resolve("companies/company-001-sa/company.yaml"),
                "  annotations:\n",
                "  annotations:\n    pbxops.io/paused: \"true\"\n");
        edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: AUT");
        ValidateCommandTest.Run run = plan("plan", head.toString());
        assertEquals(PlanCommand.NO_CHANGES, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("paused: nothing is applied while pbxops.io/paused is \"true\""), run.out());
        assertTrue(run.out().contains("country: \"DEU\" → \"AUT\""), run.out());
    }

    @Test
    void invalidManifestsAreNotPlanned(@TempDir Path temp) throws IOException {
        Path head = copy(exported, temp.resolve("head"));
        edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: XXX");
        ValidateCommandTest.Run run = plan("plan", head.toString());
        assertEquals(PlanCommand.ERROR, run.exit(), run.out());
        assertTrue(run.err().contains("spec.country"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void pbxEndpointsAreReadButNotWritten(@TempDir Path temp) throws IOException {
        Path head = copy(exported, temp.resolve("head"));
        String o2g = simulator.o2gUrl().toString().replaceAll("/$", "");
        edit(
                head.resolve("companies/company-001-sa/pbxs.yaml"),
                "  serverName: C001-OXE-2\n",
                "  serverName: C001-OXE-2\n  network: {dns: {primary: 192.0.2.53}}\n  endpoint: {url: " + o2g
                        + ", nodeId: \"1\", credentialsSecretRef: {name: oxe-2-o2g}}\n");
        ValidateCommandTest.Run withoutSecret = plan("plan", head.toString(), "--pbx-endpoints");
        assertTrue(
                withoutSecret.out().contains("? cannot know offline: cannot read the PBX: Secret oxe-2-o2g"),
                withoutSecret.out());
        Files.writeString(head.resolve("o2g-secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata: {name: oxe-2-o2g}
                stringData: {username: %s, password: %s}
                """.formatted(
                        simulator.config().o2gLogin(), simulator.config().o2gPassword()));
        ValidateCommandTest.Run unread = plan("plan", head.toString());
        ValidateCommandTest.Run read = plan("plan", head.toString(), "--pbx-endpoints");

        assertTrue(
                unread.out().contains("? cannot know offline: the operator enters the activation data on the PBX"),
                unread.out());
        assertEquals(PlanCommand.CHANGES, read.exit(), read.out() + read.err());
        assertTrue(read.out().contains("~ configure PBX: through O2G " + o2g), read.out());
        assertTrue(
                read.out().contains("enable the Rainbow agent, enter the PBX ID, enter the activation code"),
                read.out());
        assertFalse(read.out().contains(simulator.config().o2gPassword()), read.out());
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(file, text.replace(from, to));
    }

    static void removeDocument(Path file, String name) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---\n")) {
            if (!document.contains("name: " + name + "\n")) {
                kept.add(document);
            }
        }
        Files.writeString(file, String.join("---\n", kept));
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(PlanCommandTest::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
