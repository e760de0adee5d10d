package io.pbxops.operator.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.api.NumberingRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberingPlanEvaluatorTest {

    /** The example of the cloud's own API documentation (docs/cloud-contract.md#numbering-rules). */
    private static final List<NumberingRule> DOCUMENTED = List.of(
            new NumberingRule("^218", "039067", "Numbers 218xxx => 039067xxx"),
            new NumberingRule("^(([0-9]){1,5})$", "$1", "short numbers unchanged"),
            new NumberingRule("^18$", "", "18 is forbidden"));

    private static NumberingPlanEvaluator compile(List<NumberingRule> rules) {
        List<Problem> problems = new ArrayList<>();
        NumberingPlanEvaluator evaluator = NumberingPlanEvaluator.compile(rules, "spec.rules", problems);
        assertTrue(problems.isEmpty(), problems.toString());
        return evaluator;
    }

    @Test
    void theFirstMatchingRuleRewritesTheMatchedPartAndNoOtherRuleRuns() {
        NumberingPlanEvaluator plan = compile(DOCUMENTED);
        assertEquals("039067123", plan.apply("218123", null, null).number());
        assertEquals(0, plan.apply("218123", null, null).ruleIndex());
        // 18 is a short number: rule 2 matches first, so rule 3 never forbids it.
        assertEquals("18", plan.apply("18", null, null).number());
        assertEquals(1, plan.apply("18", null, null).ruleIndex());
    }

    @Test
    void anEmptyOrAbsentReplacementForbids() {
        NumberingPlanEvaluator plan =
                compile(List.of(new NumberingRule("^18$", "", null), new NumberingRule("^0899", null, null)));
        assertTrue(plan.apply("18", null, null).forbidden());
        assertTrue(plan.apply("0899123456", null, null).forbidden());
        assertFalse(plan.apply("0472101010", null, null).forbidden());
    }

    @Test
    void withoutAMatchANationalNumberGetsTheOutboundPrefixAndAForeignOneIsCanonical() {
        NumberingPlanEvaluator plan = compile(List.of());
        assertEquals("00472101010", plan.apply("0472101010", "FRA", "0").number());
        assertEquals("00472101010", plan.apply("+33472101010", "FRA", "0").number());
        assertEquals("+4930901820", plan.apply("004930901820", "FRA", "0").number());
        assertEquals("771", plan.apply("771", "DEU", "0").number(), "an extension is left as dialed");
        assertEquals("0472101010", plan.apply("0472101010", null, null).number(), "no country: left as dialed");
    }

    @Test
    void internalNumberLengthFollowsTheLongestExtension() {
        assertEquals(4, NumberingPlanEvaluator.internalNumberLength(List.of("771", "7770", "7701")));
        assertNull(NumberingPlanEvaluator.internalNumberLength(List.of()));
    }

    @Test
    void brokenExpressionsAreReportedAndSkipped() {
        List<Problem> problems = new ArrayList<>();
        NumberingPlanEvaluator plan = NumberingPlanEvaluator.compile(
                List.of(
                        new NumberingRule("^(12", "x", null),
                        new NumberingRule("^1", "2$3", null),
                        new NumberingRule("^1", "9", null)),
                "spec.rules",
                problems);
        assertEquals(
                List.of("spec.rules[0].match", "spec.rules[1].replace"),
                problems.stream().map(Problem::field).toList());
        assertEquals("923", plan.apply("123", null, null).number(), "broken rules are skipped, the next one applies");
    }

    @Test
    void expressionsAreReadInTheCloudsDialectWithoutTheDigitShorthand() {
        List<Problem> problems = new ArrayList<>();
        NumberingPlanEvaluator plan = NumberingPlanEvaluator.compile(
                List.of(
                        new NumberingRule("^0(\\d{9})$", "+33$1", null),
                        new NumberingRule("^[\\d]+$", "x", null),
                        new NumberingRule("^0([0-9]{9})$", "0033$1", null)),
                "spec.rules",
                problems);
        assertEquals(
                List.of("spec.rules[0].match", "spec.rules[1].match"),
                problems.stream().map(Problem::field).toList());
        assertTrue(problems.get(0).message().contains("use [0-9] instead of \\d"), problems.toString());
        assertEquals(
                "0033472101010",
                plan.apply("0472101010", null, null).number(),
                "a rule outside the dialect never applies, as the cloud would not take it");

        assertTrue(NumberingPlanEvaluator.usesDigitShorthand("\\d"));
        assertTrue(NumberingPlanEvaluator.usesDigitShorthand("^1\\.\\d"));
        assertFalse(NumberingPlanEvaluator.usesDigitShorthand("^\\\\d"), "an escaped backslash, then d");
        assertFalse(NumberingPlanEvaluator.usesDigitShorthand("^\\D[0-9]d$"));
    }
}
