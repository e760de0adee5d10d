package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.mode) || self.mode != 'Fleet' || has(self.fleetReference)",
        fieldPath = ".fleetReference",
        reason = "FieldValueRequired",
        message = "Fleet activation needs the fleet reference of the PBX in the reseller's fleet (e.g. ALE12)")
@ValidationRule(
        value = "!has(self.mode) || self.mode != 'Fleet' || has(self.installationReference)",
        fieldPath = ".installationReference",
        reason = "FieldValueRequired",
        message = "Fleet activation needs the installation reference of the PBX (e.g. 1234.5678.90)")
@ValidationRule(
        value =
                "(has(self.mode) && self.mode == 'Fleet') || (!has(self.fleetReference) && !has(self.installationReference))",
        fieldPath = ".mode",
        reason = "FieldValueInvalid",
        message = "fleetReference and installationReference are only used with mode: Fleet")
public class PbxActivation {

    static final String FLEET_REFERENCE = "^[A-Z0-9]{2,10}$";
    static final String INSTALLATION_REFERENCE = "^[0-9]{4}\\.[0-9]{4}\\.[0-9]{2}$";

    @JsonPropertyDescription("Generated (default): the cloud generates the equipment ID and activation code. "
            + "Fleet (OXO types only): both are <fleetReference>-<installationReference>.")
    private ActivationMode mode;

    @Pattern(FLEET_REFERENCE)
    @JsonPropertyDescription("Fleet only: the fleet reference, e.g. ALE12.")
    private String fleetReference;

    @Pattern(INSTALLATION_REFERENCE)
    @JsonPropertyDescription("Fleet only: the installation reference, e.g. 1234.5678.90.")
    private String installationReference;

    @Pattern(ObjectNames.DNS_SUBDOMAIN)
    @JsonPropertyDescription(
            "The Secret (owned by this Pbx) that receives the keys equipmentId and activationCode. Default: <name>-activation.")
    private String secretName;

    public ActivationMode getMode() {
        return mode;
    }

    public void setMode(ActivationMode mode) {
        this.mode = mode;
    }

    public String getFleetReference() {
        return fleetReference;
    }

    public void setFleetReference(String fleetReference) {
        this.fleetReference = fleetReference;
    }

    public String getInstallationReference() {
        return installationReference;
    }

    public void setInstallationReference(String installationReference) {
        this.installationReference = installationReference;
    }

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }
}
