package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** One transformation rule: the cloud's {@code {regexpMatch, regexpReplace, description}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NumberingRule {

    /** The cloud refuses longer expressions (docs/cloud-contract.md#numbering-rules). */
    public static final int MAX_EXPRESSION_LENGTH = 64;

    @Required
    @Size(min = 1, max = MAX_EXPRESSION_LENGTH)
    @JsonPropertyDescription(
            "Regular expression the dialed number is matched against, e.g. ^218. At most 64 characters.")
    private String match;

    @Size(max = MAX_EXPRESSION_LENGTH)
    @JsonPropertyDescription(
            "Replacement of the matched part ($1 for a group); empty: the number is forbidden. At most 64 characters.")
    private String replace;

    @Size(max = 255)
    @JsonPropertyDescription("What the rule is for.")
    private String description;

    public NumberingRule() {}

    public NumberingRule(String match, String replace, String description) {
        this.match = match;
        this.replace = replace;
        this.description = description;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public String getReplace() {
        return replace;
    }

    public void setReplace(String replace) {
        this.replace = replace;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberingRule other
                && Objects.equals(match, other.match)
                && Objects.equals(replace, other.replace)
                && Objects.equals(description, other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(match, replace, description);
    }
}
