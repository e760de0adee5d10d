package io.pbxops.operator.decision;

import static io.pbxops.operator.decision.Fixtures.CONTEXT;
import static io.pbxops.operator.decision.Fixtures.HELD;
import static io.pbxops.operator.decision.Fixtures.brief;
import static io.pbxops.operator.decision.Fixtures.json;
import static io.pbxops.operator.decision.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.cloud.model.CloudSystem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PbxShare's decision: a link of the shared system to one more company's site, and its removal. */
class ShareDecisionTest {

    private static final PbxShare SHARE = share("""
            metadata: {name: oxo90-globex}
            spec: {pbxRef: {name: oxo90}, companyRef: {name: globex}}
            """);
    private static final PbxShare SHARE_ORPHAN = share("""
            metadata: {name: oxo90-globex}
            spec: {pbxRef: {name: oxo90}, companyRef: {name: globex}, deletionPolicy: Orphan}
            """);
    private static final CloudSystem LINKED = json(CloudSystem.class, "{\"id\":\"s9\",\"siteId\":[\"a\",\"g\"]}");
    private static final CloudSystem NOT_LINKED = json(CloudSystem.class, "{\"id\":\"s9\",\"siteId\":[\"a\"]}");

    record Row(
            String systemId,
            String siteId,
            CloudSystem system,
            DecisionContext context,
            List<String> steps,
            String reason) {}

    static Stream<Arguments> sync() {
        return Stream.of(
                Arguments.of(
                        "a shared PBX not yet linked to the company's site is linked",
                        new Row("s9", "g", NOT_LINKED, CONTEXT, List.of("Link(s9→g)"), "Creating")),
                Arguments.of(
                        "a share already linked needs nothing",
                        new Row("s9", "g", LINKED, CONTEXT, List.of(), "Available")),
                Arguments.of(
                        "a system gone from the cloud waits for its Pbx to declare it again",
                        new Row("s9", "g", null, CONTEXT, List.of(), "DependencyNotReady")),
                Arguments.of(
                        "a plan links once the PBX and the company both exist",
                        new Row(null, null, null, CONTEXT, List.of("Link(null→null)"), "DependencyNotReady")),
                Arguments.of(
                        "a link another object holds is a Conflict",
                        new Row("s9", "g", NOT_LINKED, HELD, List.of("Wait(Conflict)"), "Conflict")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sync(String name, Row row) {
        Decision<ShareDecision.View> decision = ShareDecision.decide(
                new ShareDecision.Desired(SHARE, "oxo90", "globex", row.systemId(), row.siteId()),
                new ShareDecision.Observation(Optional.ofNullable(row.system())),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals(row.reason(), decision.outcome().readyReason()));
    }

    record DeletionRow(
            PbxShare share,
            String systemId,
            String siteId,
            boolean linked,
            DecisionContext context,
            List<String> steps) {}

    static Stream<Arguments> deletion() {
        return Stream.of(
                Arguments.of(
                        "deleting a share removes the PBX from that company only",
                        new DeletionRow(SHARE, "s9", "g", true, CONTEXT, List.of("Unlink(s9→g)"))),
                Arguments.of(
                        "deletionPolicy Orphan keeps the link",
                        new DeletionRow(SHARE_ORPHAN, "s9", "g", true, CONTEXT, List.of("Orphan"))),
                Arguments.of(
                        "a share never linked unlinks nothing",
                        new DeletionRow(SHARE, null, null, false, CONTEXT, List.of())),
                Arguments.of(
                        "a share whose PBX is gone unlinks nothing",
                        new DeletionRow(SHARE, null, "g", true, CONTEXT, List.of())),
                Arguments.of(
                        "a link already gone is not removed again",
                        new DeletionRow(SHARE, "s9", "g", false, CONTEXT, List.of())),
                Arguments.of(
                        "a link another object holds is left alone",
                        new DeletionRow(SHARE, "s9", "g", true, HELD, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void deletion(String name, DeletionRow row) {
        Decision<ShareDecision.View> decision = ShareDecision.decideDeletion(
                new ShareDecision.Desired(row.share(), "oxo90", "globex", row.systemId(), row.siteId()),
                new ShareDecision.DeletionObservation(row.systemId(), row.siteId(), row.linked()),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals("Deleting", decision.outcome().readyReason()));
    }

    private static PbxShare share(String yaml) {
        return yaml(PbxShare.class, "apiVersion: pbxops.io/v1alpha1\nkind: PbxShare\n" + yaml);
    }
}
