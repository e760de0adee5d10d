package io.pbxops.operator.decision;

import static io.pbxops.operator.decision.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.api.NumberingPlan;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The NumberingPlan's decision: its worked examples evaluated and counted; it has no step of its own. */
class NumberingPlanDecisionTest {

    record Row(String yaml, int pbxCount, boolean ready, String reason, Integer length, int passed, int total) {}

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("every worked example passes", new Row("""
                                spec:
                                  rules:
                                  - {match: "^218", replace: "039067"}
                                  - {match: "^18$", replace: ""}
                                  examples:
                                  - {dialed: "218123", expect: "039067123"}
                                  - {dialed: "18", forbidden: true}
                                """, 3, true, "Available", null, 2, 2)),
                Arguments.of(
                        "the internal number length follows the longest extension",
                        new Row("""
                                spec:
                                  rules: [{match: "^218", replace: "039067"}]
                                  extensions: ["771", "7770", "7701"]
                                """, 0, true, "Available", 4, 0, 0)),
                Arguments.of(
                        "a worked example that fails makes the plan invalid",
                        new Row("""
                                spec:
                                  rules: [{match: "^218", replace: "039067"}]
                                  examples: [{dialed: "218123", expect: "039068123"}]
                                """, 1, false, "InvalidSpec", null, 0, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void plans(String name, Row row) {
        NumberingPlan plan = yaml(
                NumberingPlan.class,
                "apiVersion: pbxops.io/v1alpha1\nkind: NumberingPlan\n" + "metadata: {name: fr}\n" + row.yaml());
        Decision<NumberingPlanDecision.View> decision = NumberingPlanDecision.decide(plan, row.pbxCount());
        assertAll(
                () -> assertTrue(decision.steps().isEmpty()),
                () -> assertEquals(row.ready(), decision.outcome().ready()),
                () -> assertEquals(row.reason(), decision.outcome().readyReason()),
                () -> assertEquals(row.length(), decision.view().internalNumberLength()),
                () -> assertEquals(row.passed(), decision.view().examplesPassed()),
                () -> assertEquals(row.total(), decision.view().examplesTotal()),
                () -> assertEquals(row.pbxCount(), decision.view().pbxCount()));
    }
}
