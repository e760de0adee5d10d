package io.pbxops.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.GatewayState;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.NumberingRule;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.FleetManifests;
import io.pbxops.operator.testing.NoWrites;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sharing, numbering plans and gateways across several objects. */
class FleetBehaviourTest {

    static final String COMPANIES = FleetManifests.COMPANIES;
    static final String SHARED_OXO = FleetManifests.SHARED_OXO;
    static final String SHARES = FleetManifests.SHARES;

    private FleetHarness fleet;

    @BeforeEach
    void start() {
        fleet = FleetHarness.start(simulator -> simulator.withAutoFleet(true), settings -> settings);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void aSharedPbxServesTwoCompaniesThenOneWhenAShareIsRemoved() {
        fleet.apply(COMPANIES);
        fleet.apply(SHARED_OXO);
        fleet.apply(SHARES);

        fleet.awaitReady(PbxShare.class, "oxo90-globex");
        fleet.awaitReady(PbxShare.class, "oxo90-initech");
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        2, fleet.get(Pbx.class, "oxo90").getStatus().getCompanies()));
        String globexSite = fleet.get(Company.class, "globex").getStatus().getSiteId();
        String initechSite = fleet.get(Company.class, "initech").getStatus().getSiteId();
        assertEquals(
                List.of(globexSite, initechSite).stream().sorted().toList(),
                fleet.cloud().siteIds("OXO90"),
                () -> "companies " + fleet.cloud().companies() + "\nsites "
                        + fleet.cloud().sites());
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        1, fleet.get(Company.class, "globex").getStatus().getPbxCount()));

        fleet.delete(PbxShare.class, "oxo90-globex");
        fleet.awaitGone(PbxShare.class, "oxo90-globex");
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        1, fleet.get(Pbx.class, "oxo90").getStatus().getCompanies()));
        assertEquals(List.of(initechSite), fleet.cloud().siteIds("OXO90"), "removed from Globex only");
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(
                        0, fleet.get(Company.class, "globex").getStatus().getPbxCount()));
    }

    @Test
    void aChangedNumberingPlanReachesEveryPbxThatNamesIt() {
        fleet.apply(COMPANIES);
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: NumberingPlan
                metadata: {name: de-standard}
                spec:
                  rules:
                  - {match: "^110$", replace: "", description: 110 is forbidden}
                  examples:
                  - {dialed: "110", forbidden: true}
                """);
        for (String name : List.of("muc-1", "muc-2", "muc-3")) {
            fleet.apply("""
                    apiVersion: pbxops.io/v1alpha1
                    kind: Pbx
                    metadata: {name: %s}
                    spec:
                      companyRef: {name: globex}
                      serverName: %s
                      type: OXOConnect
                      dialing: {country: DEU}
                      numberingPlanRef: {name: de-standard}
                    """.formatted(name, name.toUpperCase()));
        }
        await().atMost(FleetHarness.CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            for (String name : List.of("MUC-1", "MUC-2", "MUC-3")) {
                assertEquals(List.of("^110$"), matches(fleet.cloud().system(name)));
            }
            assertEquals(
                    3, fleet.get(NumberingPlan.class, "de-standard").getStatus().getPbxCount());
        });

        fleet.edit(NumberingPlan.class, "de-standard", plan -> {
            List<NumberingRule> rules = new ArrayList<>(plan.getSpec().getRules());
            rules.add(0, new NumberingRule("^(7[0-9]{2,3})$", "+4989887766$1", "München extensions"));
            plan.getSpec().setRules(rules);
            return plan;
        });
        await().atMost(FleetHarness.CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            for (String name : List.of("MUC-1", "MUC-2", "MUC-3")) {
                assertEquals(
                        List.of("^(7[0-9]{2,3})$", "^110$"),
                        matches(fleet.cloud().system(name)));
            }
        });

        // A Pbx that moves to another plan is counted by that plan, and no more by the one it left.
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: NumberingPlan
                metadata: {name: de-branch}
                spec:
                  rules:
                  - {match: "^112$", replace: "", description: 112 goes to the public network}
                """);
        fleet.edit(Pbx.class, "muc-3", pbx -> {
            pbx.getSpec().getNumberingPlanRef().setName("de-branch");
            return pbx;
        });
        await().atMost(FleetHarness.CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            assertEquals(
                    2, fleet.get(NumberingPlan.class, "de-standard").getStatus().getPbxCount());
            assertEquals(
                    1, fleet.get(NumberingPlan.class, "de-branch").getStatus().getPbxCount());
        });
    }

    @Test
    void aBrokenPlanIsNotPushedAndItsPbxsSaySo() {
        fleet.apply(COMPANIES);
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: NumberingPlan
                metadata: {name: de-standard}
                spec:
                  rules:
                  - {match: "^110$", replace: "", description: 110 is forbidden}
                  extensions: ["771", "7770", "7701"]
                  examples:
                  - {dialed: "110", forbidden: true}
                ---
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: muc-1}
                spec:
                  companyRef: {name: globex}
                  serverName: MUC-1
                  type: OXOConnect
                  dialing: {country: DEU}
                  numberingPlanRef: {name: de-standard}
                """);
        NumberingPlan plan = fleet.awaitReady(NumberingPlan.class, "de-standard");
        assertEquals(4, plan.getStatus().getInternalNumberLength(), "the longest extension, 7770 or 7701");
        assertEquals(1, plan.getStatus().getExamplesPassed());
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() ->
                        assertEquals(List.of("^110$"), matches(fleet.cloud().system("MUC-1"))));

        NoWrites noWrites = fleet.noWrites();
        fleet.edit(NumberingPlan.class, "de-standard", p -> {
            p.getSpec().getRules().add(new NumberingRule("^(7[0-9]{2,3}$", "x", "a broken expression"));
            return p;
        });
        fleet.awaitCondition(NumberingPlan.class, "de-standard", "Ready", "False", "InvalidSpec");
        fleet.awaitCondition(Pbx.class, "muc-1", "Ready", "False", "DependencyNotReady");
        noWrites.assertNone("a broken numbering plan");
        assertEquals(
                List.of("^110$"), matches(fleet.cloud().system("MUC-1")), "the broken rules never reach the cloud");
    }

    @Test
    void aGatewayFollowsItsVersionItsMaintenanceAndTheLatestRelease() {
        fleet.apply(COMPANIES);
        fleet.apply(SHARED_OXO);
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: WebRtcGateway
                metadata: {name: oxo90-gw}
                spec: {pbxRef: {name: oxo90}, type: Cloud, softwareVersion: latest}
                """);
        WebRtcGateway gateway = fleet.awaitReady(WebRtcGateway.class, "oxo90-gw");
        assertEquals(GatewayState.Online, gateway.getStatus().getState());
        String first = gateway.getStatus().getRunningVersion();

        fleet.simulator().control().publishMediaPillarVersion("9.1.0");
        fleet.runtime().drift().checkOnce();
        await().atMost(FleetHarness.CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            WebRtcGateway seen = fleet.get(WebRtcGateway.class, "oxo90-gw");
            assertEquals("9.1.0", seen.getStatus().getRunningVersion(), "latest follows a newer release");
            assertEquals(GatewayState.Online, seen.getStatus().getState());
        });

        fleet.edit(WebRtcGateway.class, "oxo90-gw", g -> {
            g.getSpec().setSoftwareVersion(first);
            g.getSpec().setMaintenance(true);
            return g;
        });
        await().atMost(FleetHarness.CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode cloudGateway = fleet.cloud().gateways().get(0);
            assertEquals(first, cloudGateway.path("runningVersion").asText());
            assertTrue(cloudGateway.path("maintenance").asBoolean());
            assertEquals(
                    GatewayState.Maintenance,
                    fleet.get(WebRtcGateway.class, "oxo90-gw").getStatus().getState());
        });
    }

    @Test
    void aPbxUsedAsDefaultRouteCarriesItToItsGateway() {
        fleet.apply(COMPANIES);
        fleet.apply(SHARED_OXO);
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: WebRtcGateway
                metadata: {name: oxo90-gw}
                spec: {pbxRef: {name: oxo90}, type: External, address: 10.1.0.80, voiceChannels: 30}
                """);
        fleet.awaitReady(WebRtcGateway.class, "oxo90-gw");
        assertFalse(fleet.cloud().gateways().get(0).path("defaultRoute").asBoolean());
        fleet.edit(Pbx.class, "oxo90", pbx -> {
            pbx.getSpec().getWebRtc().setDefaultRoute(true);
            return pbx;
        });
        await().atMost(FleetHarness.CONVERGENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertTrue(
                        fleet.cloud().gateways().get(0).path("defaultRoute").asBoolean()));
    }

    static List<String> matches(JsonNode system) {
        List<String> matches = new ArrayList<>();
        system.path("pbxNumberingTranslator")
                .forEach(rule -> matches.add(rule.path("regexpMatch").asText()));
        return matches;
    }
}
