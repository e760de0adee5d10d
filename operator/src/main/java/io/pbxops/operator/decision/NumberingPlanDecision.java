package io.pbxops.operator.decision;

import io.pbxops.operator.api.NumberingExample;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.NumberingPlanSpec;
import io.pbxops.operator.validation.NumberingPlanEvaluator;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.operator.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NumberingPlan has no cloud object of its own: its rules reach the cloud through every Pbx that names it. Its
 * decision evaluates the worked examples and reports them, with the PBXs using it; it has no step.
 */
public final class NumberingPlanDecision {

    public record View(Integer internalNumberLength, int examplesPassed, int examplesTotal, int pbxCount) {}

    private NumberingPlanDecision() {}

    public static Decision<View> decide(NumberingPlan plan, int pbxCount) {
        NumberingPlanSpec spec = Objects.requireNonNullElseGet(plan.getSpec(), NumberingPlanSpec::new);
        List<Problem> compileProblems = new ArrayList<>();
        NumberingPlanEvaluator evaluator =
                NumberingPlanEvaluator.compile(spec.getRules(), "spec.rules", compileProblems);
        int passed = 0;
        for (NumberingExample example : spec.getExamples()) {
            if (example.getDialed() != null
                    && evaluator.checkExample(example, spec.getRules()).isEmpty()) {
                passed++;
            }
        }
        View view = new View(
                NumberingPlanEvaluator.internalNumberLength(spec.getExtensions()),
                passed,
                spec.getExamples().size(),
                pbxCount);
        List<Problem> problems = ObjectValidator.get().validate(plan);
        if (!problems.isEmpty()) {
            return Decision.none(
                    Outcome.invalid(
                            problems.size() == 1
                                    ? problems.get(0).toString()
                                    : problems.get(0) + " (and " + (problems.size() - 1)
                                            + " more problems; run pbx-operator validate)"),
                    view);
        }
        return Decision.none(
                Outcome.available(spec.getRules().size() + " rules; " + passed + " of "
                        + spec.getExamples().size() + " worked examples pass; used by " + pbxCount + " PBXs"),
                view);
    }
}
