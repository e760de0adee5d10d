package io.pbxops.operator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.gitops.SimulatedFleet;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.operator.testing.ManifestFiles;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pbx-operator plan} against a simulated fleet: a pull request's changes of every kind, shown per object and
 * field, with exit status 2; none, with 0; bad manifests, with 1. Every run is checked to have read only: the
 * simulator counted no write to the cloud or to a PBX, and no sign-in but the one login a plan needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanCommandTest {

    /** plan's exit status as the README documents it (like terraform plan -detailed-exitcode). */
    static final int NO_CHANGES = 0;

    static final int ERROR = 1;
    static final int CHANGES = 2;

    private Simulator simulator;
    private Path exported;
    private Path credentials;

    /** One fleet for every case: a plan only reads it (each run checks so), and each case edits a copy of the export. */
    @BeforeAll
    void fleet(@TempDir Path temp) throws Exception {
        simulator = Simulator.start(
                SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(13L));
        try (RainbowClient client = CloudAccount.client(simulator)) {
            new SimulatedFleet(client).create(new SimulatedFleet.Sizes(4, 2));
        }
        credentials = temp.resolve("credentials");
        exported = temp.resolve("base");
        Commands.Run export = Commands.readingOnly(simulator, credentials, "export", "--out", exported.toString());
        assertEquals(0, export.exit(), export.out() + export.err());
    }

    @AfterAll
    void stop() {
        simulator.close();
    }

    private Commands.Run plan(String... args) {
        return Commands.readingOnly(simulator, credentials, args);
    }

    private Commands.Run plan(Map<String, Long> signIns, String... args) {
        return Commands.readingOnly(simulator, credentials, signIns, args);
    }

    @Test
    void theFleetAsExportedPlansNoChange() throws IOException {
        Commands.Run run = plan("plan", exported.toString());
        assertEquals(NO_CHANGES, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("No changes. 0 create, 0 update"), run.out());
    }

    @Test
    void aPullRequestShowsEachChangeByObjectAndFieldAndExitsTwo(@TempDir Path temp) throws IOException {
        Path head = ManifestFiles.copy(exported, temp.resolve("head"));
        ManifestFiles.edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: AUT");
        ManifestFiles.edit(
                head.resolve("companies/company-002-sa/pbxs.yaml"),
                "serverName: C002-OXE-2",
                "serverName: C002-OXE-2\n  resetToken: \"2024-06-01\"");
        ManifestFiles.edit(head.resolve("numbering-plans.yaml"), "replace: \"039067\"", "replace: \"039068\"");
        Files.delete(head.resolve("companies/company-003-sa/shares.yaml"));
        ManifestFiles.removeDocument(head.resolve("companies/company-004-sa/gateways.yaml"), "c004-oxo-1-gw");
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

        Commands.Run run = plan("plan", head.toString(), "--base", exported.toString());

        assertEquals(CHANGES, run.exit(), run.out() + run.err());
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
        Path head = ManifestFiles.copy(exported, temp.resolve("head"));
        ManifestFiles.edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: AUT");
        Commands.Run run = plan("plan", head.toString(), "-o", "json");
        assertEquals(CHANGES, run.exit(), run.err());
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
        Path head = ManifestFiles.copy(exported, temp.resolve("head"));
        ManifestFiles.deleteTree(head.resolve("companies/company-004-sa"));
        ManifestFiles.deleteTree(head.resolve("shared"));
        Files.walk(head)
                .filter(f -> f.getFileName().toString().equals("shares.yaml"))
                .toList()
                .forEach(ManifestFiles::delete);

        Commands.Run scoped = plan("plan", head.toString());
        Commands.Run all = plan("plan", head.toString(), "--all");

        assertEquals(NO_CHANGES, all.exit(), all.out() + all.err());
        assertFalse(scoped.out().contains("Company \"Company 004 SA\""), scoped.out());
        assertTrue(all.out().contains("Company \"Company 004 SA\""), all.out());
        assertTrue(all.out().contains("Pbx \"C004-OXE-1\""), all.out());
        assertTrue(all.out().contains("Pbx \"SHARED-OXO-001\""), all.out());
    }

    @Test
    void aPausedObjectIsShownButNotCounted(@TempDir Path temp) throws IOException {
        Path head = ManifestFiles.copy(exported, temp.resolve("head"));
        ManifestFiles.edit(
                head.resolve("companies/company-001-sa/company.yaml"),
                "  annotations:\n",
                "  annotations:\n    pbxops.io/paused: \"true\"\n");
        ManifestFiles.edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: AUT");
        Commands.Run run = plan("plan", head.toString());
        assertEquals(NO_CHANGES, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("paused: nothing is applied while pbxops.io/paused is \"true\""), run.out());
        assertTrue(run.out().contains("country: \"DEU\" → \"AUT\""), run.out());
    }

    @Test
    void invalidManifestsAreNotPlanned(@TempDir Path temp) throws IOException {
        Path head = ManifestFiles.copy(exported, temp.resolve("head"));
        ManifestFiles.edit(head.resolve("companies/company-001-sa/company.yaml"), "country: DEU", "country: XXX");
        // An invalid set is not planned: not even a login.
        Commands.Run run = plan(Map.of(), "plan", head.toString());
        assertEquals(ERROR, run.exit(), run.out());
        assertTrue(run.err().contains("spec.country"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void pbxEndpointsAreReadButNotWritten(@TempDir Path temp) throws IOException {
        Path head = ManifestFiles.copy(exported, temp.resolve("head"));
        String o2g = simulator.o2gUrl().toString().replaceAll("/$", "");
        ManifestFiles.edit(
                head.resolve("companies/company-001-sa/pbxs.yaml"),
                "  serverName: C001-OXE-2\n",
                "  serverName: C001-OXE-2\n  network: {dns: {primary: 192.0.2.53}}\n  endpoint: {url: " + o2g
                        + ", nodeId: \"1\", credentialsSecretRef: {name: oxe-2-o2g}}\n");
        Commands.Run withoutSecret = plan("plan", head.toString(), "--pbx-endpoints");
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
        Commands.Run unread = plan("plan", head.toString());
        Map<String, Long> cloudAndO2gSessions = new HashMap<>(Commands.ONE_CLOUD_SESSION);
        cloudAndO2gSessions.putAll(Map.of(
                "GET /api/rest/authenticate", 1L,
                "POST /api/rest/1.0/sessions", 1L,
                "DELETE /api/rest/1.0/sessions", 1L));
        Commands.Run read = plan(cloudAndO2gSessions, "plan", head.toString(), "--pbx-endpoints");

        assertTrue(
                unread.out().contains("? cannot know offline: the operator enters the activation data on the PBX"),
                unread.out());
        assertEquals(CHANGES, read.exit(), read.out() + read.err());
        assertTrue(read.out().contains("~ configure PBX: through O2G " + o2g), read.out());
        assertTrue(
                read.out().contains("enable the Rainbow agent, enter the PBX ID, enter the activation code"),
                read.out());
        assertFalse(read.out().contains(simulator.config().o2gPassword()), read.out());
    }
}
