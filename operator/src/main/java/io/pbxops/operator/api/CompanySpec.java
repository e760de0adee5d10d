package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!(self.country in ['USA', 'CAN']) || has(self.state)",
        fieldPath = ".state",
        reason = "FieldValueRequired",
        message = "state is required when country is USA or CAN: an ISO 3166-2 code such as US-NY or CA-QC")
@ValidationRule(
        value = "!has(self.state) || self.country in ['USA', 'CAN']",
        fieldPath = ".state",
        reason = "FieldValueForbidden",
        message = "state is only for USA and CAN: the cloud keeps no state for other countries")
@ValidationRule(
        value = "!has(self.state) || !(self.country in ['USA', 'CAN'])"
                + " || !self.state.matches('^[A-Z]{2}-[A-Z0-9]{1,3}$')" // a malformed one is the pattern's to report
                + " || self.state.startsWith(self.country == 'USA' ? 'US-' : 'CA-')",
        fieldPath = ".state",
        reason = "FieldValueInvalid",
        message = "state must be a subdivision of the country: US-.. for USA, CA-.. for CAN")
public class CompanySpec {

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The company's name in the cloud. Default: the object's name.")
    private String displayName;

    @Required
    @Pattern(ObjectNames.ISO_ALPHA3)
    @JsonPropertyDescription("ISO 3166-1 alpha-3 country code, e.g. FRA.")
    private String country;

    @Pattern(ObjectNames.ISO_SUBDIVISION)
    @JsonPropertyDescription("ISO 3166-2 subdivision code, e.g. US-NY or CA-QC. Required when country is USA or CAN, "
            + "refused for other countries (the cloud keeps a state for those two only).")
    private String state;

    @Size(max = 255)
    @JsonPropertyDescription("A reference of the company in the reseller's own systems (CRM, billing).")
    private String externalReference;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The site the company's PBXs link to. Default: the display name.")
    private String siteName;

    @JsonPropertyDescription("Orphan (default): the cloud company stays when this object is deleted. Delete: it is "
            + "deleted in the cloud, and only once nothing is linked to it.")
    private DeletionPolicy deletionPolicy;

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getExternalReference() {
        return externalReference;
    }

    public void setExternalReference(String externalReference) {
        this.externalReference = externalReference;
    }

    public String getSiteName() {
        return siteName;
    }

    public void setSiteName(String siteName) {
        this.siteName = siteName;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    /** The policy that applies: a company is kept in the cloud unless asked otherwise. */
    @JsonIgnore
    public DeletionPolicy effectiveDeletionPolicy() {
        return deletionPolicy == null ? DeletionPolicy.Orphan : deletionPolicy;
    }
}
