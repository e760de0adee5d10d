package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PbxDialing {

    /** E.164: a plus, a country code and at most 15 digits in all. */
    static final String E164 = "^\\+[1-9][0-9]{5,14}$";

    @Required
    @Pattern(ObjectNames.ISO_ALPHA3)
    @JsonPropertyDescription("ISO 3166-1 alpha-3 country used to turn national numbers into canonical ones, e.g. FRA.")
    private String country;

    @Size(max = 32)
    @Pattern(ObjectNames.DIGITS)
    @JsonPropertyDescription("First digit(s) dialed to call a subscriber inside the country, e.g. \"0\".")
    private String nationalPrefix;

    @Size(max = 32)
    @Pattern(ObjectNames.DIGITS)
    @JsonPropertyDescription("First digit(s) dialed to call a subscriber outside the country, e.g. \"00\".")
    private String internationalPrefix;

    @Size(max = 32)
    @Pattern(ObjectNames.DIGITS)
    @JsonPropertyDescription("The prefix used for outgoing calls (outside line), e.g. \"0\".")
    private String outboundPrefix;

    @JsonPropertyDescription("Use the outbound prefix for outgoing calls.")
    private Boolean useOutboundPrefix;

    @Pattern(E164)
    @JsonPropertyDescription("The public number of the customer company, in E.164 form, e.g. +33123456789.")
    private String installationNumber;

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getNationalPrefix() {
        return nationalPrefix;
    }

    public void setNationalPrefix(String nationalPrefix) {
        this.nationalPrefix = nationalPrefix;
    }

    public String getInternationalPrefix() {
        return internationalPrefix;
    }

    public void setInternationalPrefix(String internationalPrefix) {
        this.internationalPrefix = internationalPrefix;
    }

    public String getOutboundPrefix() {
        return outboundPrefix;
    }

    public void setOutboundPrefix(String outboundPrefix) {
        this.outboundPrefix = outboundPrefix;
    }

    public Boolean getUseOutboundPrefix() {
        return useOutboundPrefix;
    }

    public void setUseOutboundPrefix(Boolean useOutboundPrefix) {
        this.useOutboundPrefix = useOutboundPrefix;
    }

    public String getInstallationNumber() {
        return installationNumber;
    }

    public void setInstallationNumber(String installationNumber) {
        this.installationNumber = installationNumber;
    }
}
