package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.enabled) || !self.enabled || (has(self.licenseAccepted) && self.licenseAccepted)",
        fieldPath = ".licenseAccepted",
        reason = "FieldValueRequired",
        message = "activating the WebRTC gateway requires accepting its licence agreement: set licenseAccepted: true")
@ValidationRule(
        value = "!has(self.defaultRoute) || !self.defaultRoute || (has(self.enabled) && self.enabled)",
        fieldPath = ".defaultRoute",
        reason = "FieldValueInvalid",
        message = "only an activated WebRTC gateway can be used as default route: set enabled: true")
public class PbxWebRtc {

    @JsonPropertyDescription("Activate the connection to the PBX's WebRTC gateway.")
    private Boolean enabled;

    @JsonPropertyDescription("The WebRTC gateway's licence agreement is accepted (required when enabled).")
    private Boolean licenseAccepted;

    @JsonPropertyDescription("Used as default route: this PBX's gateway also serves the company's other PBXs.")
    private Boolean defaultRoute;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getLicenseAccepted() {
        return licenseAccepted;
    }

    public void setLicenseAccepted(Boolean licenseAccepted) {
        this.licenseAccepted = licenseAccepted;
    }

    public Boolean getDefaultRoute() {
        return defaultRoute;
    }

    public void setDefaultRoute(Boolean defaultRoute) {
        this.defaultRoute = defaultRoute;
    }
}
