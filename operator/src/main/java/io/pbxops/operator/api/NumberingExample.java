package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A worked example: a dialed number and what the plan must make of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.expect) != (has(self.forbidden) && self.forbidden)",
        reason = "FieldValueInvalid",
        message = "an example gives either expect (the number sent to the PBX) or forbidden: true, exactly one of them")
public class NumberingExample {

    @Required
    @Pattern("^\\+?[0-9*#]{1,32}$")
    @JsonPropertyDescription("The number as the user dials it.")
    private String dialed;

    @Pattern("^\\+?[0-9*#]{1,40}$")
    @JsonPropertyDescription("The number the plan must send to the PBX.")
    private String expect;

    @JsonPropertyDescription("true: the plan must forbid this number.")
    private Boolean forbidden;

    @Pattern(ObjectNames.ISO_ALPHA3)
    @JsonPropertyDescription(
            "When no rule matches, the number is canonicalised for this country (ISO alpha-3); without it the number is left as dialed.")
    private String country;

    @Size(max = 32)
    @Pattern(ObjectNames.DIGITS)
    @JsonPropertyDescription("When no rule matches, this outbound prefix is added to national numbers.")
    private String outboundPrefix;

    public String getDialed() {
        return dialed;
    }

    public void setDialed(String dialed) {
        this.dialed = dialed;
    }

    public String getExpect() {
        return expect;
    }

    public void setExpect(String expect) {
        this.expect = expect;
    }

    public Boolean getForbidden() {
        return forbidden;
    }

    public void setForbidden(Boolean forbidden) {
        this.forbidden = forbidden;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getOutboundPrefix() {
        return outboundPrefix;
    }

    public void setOutboundPrefix(String outboundPrefix) {
        this.outboundPrefix = outboundPrefix;
    }
}
