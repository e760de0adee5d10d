package io.pbxops.operator.decision;

import static io.pbxops.operator.decision.Fixtures.BLOCKED;
import static io.pbxops.operator.decision.Fixtures.CONTEXT;
import static io.pbxops.operator.decision.Fixtures.HELD;
import static io.pbxops.operator.decision.Fixtures.NO_GATEWAYS;
import static io.pbxops.operator.decision.Fixtures.PENDING;
import static io.pbxops.operator.decision.Fixtures.brief;
import static io.pbxops.operator.decision.Fixtures.json;
import static io.pbxops.operator.decision.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxops.operator.api.GatewayState;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The WebRtcGateway's decision: create, adopt, keep at version and maintenance, the states, removal. */
class GatewayDecisionTest {

    private static final Pbx PBX = yaml(Pbx.class, """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: acme-oxe1}
            spec:
              companyRef: {name: acme}
              type: OmniPCXEnterprise
              dialing: {country: FRA}
              webRtc: {enabled: true, licenseAccepted: true}
            """);
    private static final WebRtcGateway LATEST = gateway("""
            metadata: {name: acme-gw, annotations: {pbxops.io/external-id: g1}}
            spec: {pbxRef: {name: acme-oxe1}, type: External, address: 10.1.0.80, voiceChannels: 30}
            """);
    private static final WebRtcGateway LATEST_NEW = gateway("""
            metadata: {name: acme-gw}
            spec: {pbxRef: {name: acme-oxe1}, type: External, address: 10.1.0.80, voiceChannels: 30}
            """);
    private static final WebRtcGateway IN_MAINTENANCE = gateway("""
            metadata: {name: acme-gw, annotations: {pbxops.io/external-id: g1}}
            spec: {pbxRef: {name: acme-oxe1}, type: External, address: 10.1.0.80, voiceChannels: 30, maintenance: true}
            """);
    private static final WebRtcGateway ORPHAN = gateway("""
            metadata: {name: acme-gw, annotations: {pbxops.io/external-id: g1}}
            spec: {pbxRef: {name: acme-oxe1}, type: Cloud, deletionPolicy: Orphan}
            """);

    private static final String SAME = "\"id\":\"g1\",\"pbxId\":\"PBXg-1\",\"systemId\":\"s1\",\"name\":\"acme-gw\","
            + "\"type\":\"external\",\"address\":\"10.1.0.80\",\"voiceChannels\":30,\"maintenance\":false,"
            + "\"defaultRoute\":false";
    private static final CloudMediaPillar ONLINE =
            pillar("{" + SAME + ",\"runningVersion\":\"2.5.0\",\"availableVersion\":\"2.5.0\",\"state\":\"online\"}");
    private static final CloudMediaPillar NEWER_AVAILABLE =
            pillar("{" + SAME + ",\"runningVersion\":\"2.4.1\",\"availableVersion\":\"2.5.0\",\"state\":\"online\"}");
    private static final CloudMediaPillar UPGRADING = pillar("{" + SAME + ",\"runningVersion\":\"2.4.1\","
            + "\"availableVersion\":\"2.5.0\",\"targetVersion\":\"2.5.0\",\"state\":\"upgrading\"}");
    private static final CloudMediaPillar OFFLINE =
            pillar("{" + SAME + ",\"runningVersion\":\"2.5.0\",\"availableVersion\":\"2.5.0\",\"state\":\"offline\"}");

    record Row(
            WebRtcGateway gateway,
            String systemId,
            CloudMediaPillar observed,
            DecisionContext context,
            List<String> steps,
            String reason,
            Duration recheck,
            GatewayState state) {}

    static Stream<Arguments> sync() {
        return Stream.of(
                Arguments.of(
                        "a new gateway is created on its PBX's system",
                        new Row(
                                LATEST_NEW,
                                "s1",
                                null,
                                CONTEXT,
                                List.of("CreateGateway(external on system s1)"),
                                "Creating",
                                null,
                                null)),
                Arguments.of(
                        "a plan creates it on a system still to be declared",
                        new Row(
                                LATEST_NEW,
                                null,
                                null,
                                CONTEXT,
                                List.of("CreateGateway(external on Pbx/acme-oxe1 once it exists)"),
                                "Creating",
                                null,
                                null)),
                Arguments.of(
                        "a gateway found by its name is adopted",
                        new Row(
                                LATEST_NEW,
                                "s1",
                                ONLINE,
                                CONTEXT,
                                List.of("Adopt(WebRTC gateway g1)"),
                                "Available",
                                null,
                                GatewayState.Online)),
                Arguments.of(
                        "an online gateway at the newest version needs nothing",
                        new Row(LATEST, "s1", ONLINE, CONTEXT, List.of(), "Available", null, GatewayState.Online)),
                Arguments.of(
                        "latest: a newer available version is asked for",
                        new Row(
                                LATEST,
                                "s1",
                                NEWER_AVAILABLE,
                                CONTEXT,
                                List.of("UpdateGateway(softwareVersion)"),
                                "Available",
                                null,
                                GatewayState.Online)),
                Arguments.of(
                        "an upgrade under way is waited for, not asked again",
                        new Row(
                                LATEST,
                                "s1",
                                UPGRADING,
                                CONTEXT,
                                List.of(),
                                "Unavailable",
                                PENDING,
                                GatewayState.Upgrading)),
                Arguments.of(
                        "maintenance asked for is switched on",
                        new Row(
                                IN_MAINTENANCE,
                                "s1",
                                ONLINE,
                                CONTEXT,
                                List.of("UpdateGateway(maintenance)"),
                                "Available",
                                null,
                                GatewayState.Online)),
                Arguments.of(
                        "an offline gateway is looked at again soon",
                        new Row(
                                LATEST,
                                "s1",
                                OFFLINE,
                                CONTEXT,
                                List.of(),
                                "Unavailable",
                                PENDING,
                                GatewayState.Offline)),
                Arguments.of(
                        "a gateway another object holds is a Conflict",
                        new Row(
                                LATEST,
                                "s1",
                                NEWER_AVAILABLE,
                                HELD,
                                List.of("Wait(Conflict)"),
                                "Conflict",
                                BLOCKED,
                                null)));
    }

    @Test
    void aCloudWithoutTheGatewayAdministrationIsNotCalledAndSaysSo() {
        Decision<GatewayDecision.View> decision = GatewayDecision.decide(
                new GatewayDecision.Desired(LATEST, PBX, "s1"),
                new GatewayDecision.Observation(Observed.absent()),
                NO_GATEWAYS);
        assertEquals(List.of("Unsupported(the WebRTC gateway administration)"), brief(decision.steps()));
        assertEquals("UnsupportedByCloud", decision.outcome().readyReason());
        assertEquals(true, decision.outcome().synced());
        assertEquals(BLOCKED, decision.outcome().recheckAfter());
        assertEquals(
                List.of("Unsupported(the WebRTC gateway administration)"),
                brief(GatewayDecision.decideDeletion(
                                new GatewayDecision.Desired(LATEST, null, null),
                                new GatewayDecision.DeletionObservation(Optional.of(ONLINE)),
                                NO_GATEWAYS)
                        .steps()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sync(String name, Row row) {
        Decision<GatewayDecision.View> decision = GatewayDecision.decide(
                new GatewayDecision.Desired(row.gateway(), PBX, row.systemId()),
                new GatewayDecision.Observation(Observed.of(row.observed())),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals(row.reason(), decision.outcome().readyReason()),
                () -> assertEquals(row.recheck(), decision.outcome().recheckAfter()),
                () -> assertEquals(row.state(), decision.view().state()));
    }

    record DeletionRow(WebRtcGateway gateway, CloudMediaPillar observed, DecisionContext context, List<String> steps) {}

    static Stream<Arguments> deletion() {
        return Stream.of(
                Arguments.of(
                        "deleting a gateway removes it",
                        new DeletionRow(LATEST, ONLINE, CONTEXT, List.of("DeleteGateway(g1)"))),
                Arguments.of(
                        "deletionPolicy Orphan keeps it", new DeletionRow(ORPHAN, ONLINE, CONTEXT, List.of("Orphan"))),
                Arguments.of(
                        "a gateway already gone deletes nothing", new DeletionRow(LATEST, null, CONTEXT, List.of())),
                Arguments.of(
                        "a gateway another object holds is left alone",
                        new DeletionRow(LATEST, ONLINE, HELD, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void deletion(String name, DeletionRow row) {
        Decision<GatewayDecision.View> decision = GatewayDecision.decideDeletion(
                new GatewayDecision.Desired(row.gateway(), null, null),
                new GatewayDecision.DeletionObservation(Optional.ofNullable(row.observed())),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals("Deleting", decision.outcome().readyReason()));
    }

    private static WebRtcGateway gateway(String yaml) {
        return yaml(WebRtcGateway.class, "apiVersion: pbxops.io/v1alpha1\nkind: WebRtcGateway\n" + yaml);
    }

    private static CloudMediaPillar pillar(String json) {
        return json(CloudMediaPillar.class, json);
    }
}
