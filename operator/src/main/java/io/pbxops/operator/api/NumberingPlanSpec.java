package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class NumberingPlanSpec {

    /** The cloud refuses more (docs/cloud-contract.md#numbering-rules). */
    public static final int MAX_RULES = 100;

    @Size(max = MAX_RULES)
    @JsonPropertyDescription(
            "Ordered rules; the first whose match finds the dialed number rewrites it and no other rule runs. At most 100.")
    private List<NumberingRule> rules = new ArrayList<>();

    @Size(max = 1000)
    @JsonPropertyDescription(
            "The company's extensions (e.g. 771, 7770, 7701); the longest gives status.internalNumberLength.")
    private List<String> extensions = new ArrayList<>();

    @Size(max = 200)
    @JsonPropertyDescription(
            "Worked examples (dialed number and expected result) that validate and the operator evaluate.")
    private List<NumberingExample> examples = new ArrayList<>();

    public List<NumberingRule> getRules() {
        return rules;
    }

    public void setRules(List<NumberingRule> rules) {
        this.rules = rules == null ? new ArrayList<>() : rules;
    }

    public List<String> getExtensions() {
        return extensions;
    }

    public void setExtensions(List<String> extensions) {
        this.extensions = extensions == null ? new ArrayList<>() : extensions;
    }

    public List<NumberingExample> getExamples() {
        return examples;
    }

    public void setExamples(List<NumberingExample> examples) {
        this.examples = examples == null ? new ArrayList<>() : examples;
    }
}
