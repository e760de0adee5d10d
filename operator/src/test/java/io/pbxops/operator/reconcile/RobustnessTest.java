package io.pbxops.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.testing.CurrentStatus;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.FleetManifests;
import io.pbxops.operator.testing.NoWrites;
import io.pbxops.simulator.FaultTarget;
import io.pbxops.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input, refused credentials, a faulty cloud, restarts, pauses and adoption. */
class RobustnessTest {

    static final String COMPANY = """
            apiVersion: pbxops.io/v1alpha1
            kind: Company
            metadata: {name: globex}
            spec: {displayName: Globex GmbH, country: DEU}
            """;

    private FleetHarness fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void anInvalidSpecIsReportedAndNothingIsWritten() {
        fleet = FleetHarness.start();
        fleet.apply(COMPANY);
        fleet.awaitReady(Company.class, "globex");
        NoWrites noWrites = fleet.noWrites();
        // The mock API server does not enforce the CRD's CEL rules: the operator checks again.
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: bad-oxe}
                spec:
                  companyRef: {name: globex}
                  type: OmniPCXEnterprise
                  activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1234.5678.90"}
                  dialing: {country: DEU}
                """);
        Pbx pbx = fleet.awaitCondition(Pbx.class, "bad-oxe", "Ready", "False", "InvalidSpec");
        String message = CurrentStatus.condition(pbx, "Ready").orElseThrow().getMessage();
        assertTrue(message.startsWith("spec.activation.mode: Fleet activation is only for OXOConnect"), message);
        noWrites.assertNone("an invalid spec");
    }

    @Test
    void aMissingReferenceWaitsWithoutWritingThenConvergesWhenItAppears() {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true), settings -> settings);
        NoWrites noWrites = fleet.noWrites();
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: globex-oxo}
                spec:
                  companyRef: {name: globex}
                  type: OXOConnect
                  activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1234.5678.90"}
                  dialing: {country: DEU}
                """);
        fleet.awaitCondition(Pbx.class, "globex-oxo", "Ready", "False", "DependencyNotFound");
        noWrites.assertNone("a Pbx whose Company is missing");
        fleet.apply(COMPANY);
        fleet.awaitReady(Pbx.class, "globex-oxo");
    }

    @Test
    void refusedCredentialsStopAfterThreeLoginsAndRecoverWhenTheyChange() {
        fleet = FleetHarness.start(simulator -> simulator, settings -> settings, false);
        SimulatorConfig sim = fleet.simulator().config();
        fleet.setCloudCredentials(new CloudCredentials(sim.login(), "not-the-password", sim.appId(), sim.appSecret()));
        fleet.startOperator();
        List<String> names = List.of("alpha", "bravo", "charlie", "delta", "echo");
        for (String name : names) {
            fleet.apply("""
                    apiVersion: pbxops.io/v1alpha1
                    kind: Company
                    metadata: {name: %s}
                    spec: {country: DEU}
                    """.formatted(name));
        }
        for (String name : names) {
            Company refused = fleet.awaitCondition(Company.class, name, "Synced", "False", "CredentialsRefused");
            String message =
                    CurrentStatus.condition(refused, "Synced").orElseThrow().getMessage();
            assertTrue(!message.contains("not-the-password"), "no secret in the status");
        }
        fleet.awaitQuiet();
        long refusedLogins = logins();
        assertTrue(
                refusedLogins >= 1 && refusedLogins <= 3,
                "five objects, yet at most 3 refused logins (the cloud locks the account at 5): " + refusedLogins);

        fleet.setCloudCredentials(new CloudCredentials(sim.login(), sim.password(), sim.appId(), sim.appSecret()));
        for (String name : names) {
            fleet.awaitReady(Company.class, name);
        }
        assertEquals(refusedLogins + 1, logins(), "one login once the credentials are right");
    }

    @Test
    void aFaultyCloudStillConvergesWithoutDuplicates() {
        fleet = FleetHarness.start(
                simulator -> simulator.withAutoFleet(true).withLatency(Duration.ofMillis(20)), settings -> settings);
        fleet.simulator()
                .control()
                .updateFaults(
                        FaultTarget.CLOUD,
                        faults -> faults.withErrorRate(0.15)
                                .withTooManyRequestsNext(8)
                                .withRetryAfterSeconds(1)
                                .withDropConnectionRate(0.02));
        applySmallFleet();
        awaitSmallFleet();
        fleet.simulator().control().clearFaults();
        assertNoDuplicates();
        assertTrue(fleet.cloud().counts().stream().anyMatch(c -> c.status() >= 500), "faults were injected");
        assertTrue(fleet.cloud().counts().stream().anyMatch(c -> c.status() == 429), "429s were injected");
    }

    @Test
    void anOperatorRestartedMidConvergenceMakesNoDuplicates() {
        fleet = FleetHarness.start(
                simulator -> simulator.withAutoFleet(true).withLatency(Duration.ofMillis(30)), settings -> settings);
        applySmallFleet();
        await().atMost(FleetHarness.CONVERGENCE).until(() -> fleet.cloud().requests("POST", "/systems") >= 2);
        fleet.stopOperator();
        fleet.startOperator();
        awaitSmallFleet();
        assertNoDuplicates();
    }

    @Test
    void aPausedObjectGetsNoWriteUntilTheAnnotationGoes() {
        fleet = FleetHarness.start();
        fleet.apply(COMPANY);
        fleet.awaitReady(Company.class, "globex");
        fleet.edit(Company.class, "globex", company -> {
            company.getMetadata().getAnnotations().put("pbxops.io/paused", "true");
            return company;
        });
        // An annotation is no spec change: the paused status is for the generation in hand.
        fleet.awaitCondition(Company.class, "globex", "Synced", "False", "ReconcilePaused");
        NoWrites noWrites = fleet.noWrites();
        fleet.edit(Company.class, "globex", company -> {
            company.getSpec().setExternalReference("crm-9999");
            return company;
        });
        noWrites.assertNone("a spec change while paused");
        assertEquals(
                "",
                fleet.cloud()
                        .companiesNamed("Globex GmbH")
                        .get(0)
                        .path("externalReference")
                        .asText(""));

        fleet.edit(Company.class, "globex", company -> {
            company.getMetadata().getAnnotations().remove("pbxops.io/paused");
            return company;
        });
        fleet.awaitCondition(Company.class, "globex", "Synced", "True", null);
        await().atMost(FleetHarness.CONVERGENCE)
                .untilAsserted(() -> assertEquals(
                        "crm-9999",
                        fleet.cloud()
                                .companiesNamed("Globex GmbH")
                                .get(0)
                                .path("externalReference")
                                .asText()));
    }

    @Test
    void resumingWithoutAnyChangeShowsTheObjectSyncedAgain() {
        fleet = FleetHarness.start();
        fleet.apply(COMPANY);
        fleet.awaitReady(Company.class, "globex");
        fleet.edit(Company.class, "globex", company -> {
            company.getMetadata().getAnnotations().put("pbxops.io/paused", "true");
            return company;
        });
        fleet.awaitCondition(Company.class, "globex", "Synced", "False", "ReconcilePaused");
        fleet.edit(Company.class, "globex", company -> {
            company.getMetadata().getAnnotations().remove("pbxops.io/paused");
            return company;
        });
        fleet.awaitCondition(Company.class, "globex", "Synced", "True", "ReconcileSuccess");
    }

    @Test
    void existingCloudObjectsAreAdoptedNotDuplicated() {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true), settings -> settings);
        var rainbow = fleet.runtime().rainbow();
        CloudCompany company =
                rainbow.companies().create(CompanySettings.named("Globex GmbH").withCountry("DEU"));
        CloudSite site = rainbow.sites().create(SiteSettings.active("Globex GmbH", company.id()));
        CloudSystem system =
                rainbow.systems().create(NewSystem.onSite(site.id(), SystemSettings.of("GLOBEX-OXO", "oxo", "DEU")));
        NoWrites nothingCreated = fleet.noWrites().matching(route -> route.startsWith("POST /api/rainbow/admin/"));

        fleet.apply(COMPANY.replace(
                "metadata: {name: globex}",
                "metadata: {name: globex, annotations: {pbxops.io/external-id: " + company.id() + "}}"));
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: globex-oxo, annotations: {pbxops.io/external-id: %s}}
                spec:
                  companyRef: {name: globex}
                  serverName: GLOBEX-OXO
                  type: OXOConnect
                  dialing: {country: DEU}
                """.formatted(system.id()));
        fleet.awaitReady(Company.class, "globex");
        fleet.awaitCondition(Pbx.class, "globex-oxo", "Ready", "False", "AwaitingActivation");
        // No company, site (adopted by its name) or system created, nor a reset.
        nothingCreated.assertNone("adopting the existing company, site and system");
        assertEquals(system.id(), fleet.get(Pbx.class, "globex-oxo").getStatus().getSystemId());
    }

    private long logins() {
        return fleet.cloud().counts().stream()
                .filter(c -> c.route().endsWith("/authentication/v1.0/login"))
                .mapToLong(c -> c.count())
                .sum();
    }

    private void applySmallFleet() {
        fleet.apply(FleetManifests.COMPANIES);
        for (int i = 0; i < 6; i++) {
            fleet.apply("""
                    apiVersion: pbxops.io/v1alpha1
                    kind: Pbx
                    metadata: {name: oxo-%d}
                    spec:
                      companyRef: {name: %s}
                      serverName: OXO-%d
                      type: OXOConnectEvolution
                      activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1234.5678.%02d"}
                      dialing: {country: DEU}
                      webRtc: {enabled: true, licenseAccepted: true}
                    ---
                    apiVersion: pbxops.io/v1alpha1
                    kind: WebRtcGateway
                    metadata: {name: oxo-%d-gw}
                    spec: {pbxRef: {name: oxo-%d}, type: Internal}
                    """.formatted(i, i % 2 == 0 ? "globex" : "initech", i, i, i, i));
        }
        fleet.apply(FleetManifests.SHARED_OXO + "---\n" + FleetManifests.SHARES);
    }

    private void awaitSmallFleet() {
        fleet.awaitReady(Company.class, "globex");
        fleet.awaitReady(Company.class, "initech");
        for (int i = 0; i < 6; i++) {
            fleet.awaitReady(Pbx.class, "oxo-" + i);
            fleet.awaitReady(WebRtcGateway.class, "oxo-" + i + "-gw");
        }
        fleet.awaitReady(Pbx.class, "oxo90");
        fleet.awaitReady(PbxShare.class, "oxo90-globex");
        fleet.awaitReady(PbxShare.class, "oxo90-initech");
    }

    private void assertNoDuplicates() {
        assertEquals(
                2,
                fleet.cloud().companies().size(),
                () -> "companies: " + fleet.cloud().companies());
        assertEquals(
                2, fleet.cloud().sites().size(), () -> "sites: " + fleet.cloud().sites());
        assertEquals(
                7,
                fleet.cloud().systems().size(),
                () -> "systems: " + fleet.cloud().systems());
        assertEquals(
                6,
                fleet.cloud().gateways().size(),
                () -> "gateways: " + fleet.cloud().gateways());
        HashMap<String, Integer> names = new HashMap<>();
        fleet.cloud().systems().forEach(s -> names.merge(s.path("name").asText(), 1, Integer::sum));
        assertTrue(names.values().stream().allMatch(n -> n == 1), names.toString());
        assertEquals(
                List.of(2), List.of(fleet.cloud().system("OXO90").path("siteId").size()));
    }
}
