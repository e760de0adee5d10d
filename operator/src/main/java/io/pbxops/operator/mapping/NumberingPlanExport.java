package io.pbxops.operator.mapping;

import io.pbxops.operator.api.NumberingPlanSpec;
import io.pbxops.operator.cloud.model.NumberingRule;
import java.util.List;

/**
 * A system's numbering rules → a NumberingPlan spec whose rules {@link SystemMapping#rules} maps back to the same
 * list. The worked examples and extensions are the reseller's knowledge, not the cloud's: left empty.
 */
public final class NumberingPlanExport {

    private NumberingPlanExport() {}

    public static NumberingPlanSpec spec(List<NumberingRule> rules) {
        NumberingPlanSpec spec = new NumberingPlanSpec();
        spec.setRules(rules.stream()
                // Qualified: the cloud's NumberingRule above has the same simple name.
                .map(rule -> new io.pbxops.operator.api.NumberingRule(
                        rule.regexpMatch(), rule.regexpReplace(), rule.description()))
                .toList());
        return spec;
    }
}
