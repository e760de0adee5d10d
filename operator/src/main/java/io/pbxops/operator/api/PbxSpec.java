package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Everything of the admin UI's Information, Settings, Telephony and Connection tabs of a PBX. The nested settings
 * live in their own classes of this package; the rules that span several of them are the CEL rules below.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "(has(self.shared) && self.shared) || has(self.companyRef)",
        fieldPath = ".companyRef",
        reason = "FieldValueRequired",
        message = "companyRef is required unless shared is true")
@ValidationRule(
        value = "!(has(self.shared) && self.shared && has(self.companyRef))",
        fieldPath = ".companyRef",
        reason = "FieldValueForbidden",
        message =
                "a shared Pbx is declared at reseller level: remove companyRef and associate companies with PbxShare objects")
@ValidationRule(
        value = "has(self.companyRef) == has(oldSelf.companyRef)"
                + " && (!has(self.companyRef) || self.companyRef.name == oldSelf.companyRef.name)",
        fieldPath = ".companyRef",
        reason = "FieldValueInvalid",
        message = "companyRef cannot change: the cloud keeps a company's PBX in that company (it refuses a second "
                + "company, and the last link cannot be removed); delete this Pbx and declare it in the other company")
@ValidationRule(
        value =
                "self.type != 'OmniPCXEnterprise' || !has(self.activation) || !has(self.activation.mode) || self.activation.mode != 'Fleet'",
        fieldPath = ".activation.mode",
        message =
                "Fleet activation is only for OXOConnect and OXOConnectEvolution; an OmniPCX Enterprise gets a generated equipment ID and activation code")
@ValidationRule(
        value = "self.type == 'OmniPCXEnterprise' || !has(self.secretIdentity) || !self.secretIdentity",
        fieldPath = ".secretIdentity",
        reason = "FieldValueForbidden",
        message = "secretIdentity is an OmniPCX Enterprise setting")
@ValidationRule(
        value = "self.type == 'OmniPCXEnterprise' || !has(self.emergencyThroughPbx) || !self.emergencyThroughPbx",
        fieldPath = ".emergencyThroughPbx",
        reason = "FieldValueForbidden",
        message = "emergencyThroughPbx is an OmniPCX Enterprise setting")
@ValidationRule(
        value = "self.type == 'OmniPCXEnterprise' || !has(self.ccd)",
        fieldPath = ".ccd",
        reason = "FieldValueForbidden",
        message = "CCD agent settings are OmniPCX Enterprise settings")
@ValidationRule(
        value = "self.type == 'OmniPCXEnterprise' || !has(self.network)",
        fieldPath = ".network",
        reason = "FieldValueForbidden",
        message =
                "network prerequisites (DNS or HTTP proxy) are OmniPCX Enterprise settings; an OXO's web proxy is set in OMC")
@ValidationRule(
        value = "self.type == 'OmniPCXEnterprise' || !has(self.endpoint)",
        fieldPath = ".endpoint",
        reason = "FieldValueForbidden",
        message =
                "a management endpoint (O2G) exists only for OmniPCX Enterprise; an OXO connects by fleet activation or through its installer")
@ValidationRule(
        value = "!has(self.conference) || !has(self.conference.callPhoneNumbers) || !self.conference.callPhoneNumbers"
                + " || (has(self.dialing) && has(self.dialing.installationNumber))",
        fieldPath = ".conference.callPhoneNumbers",
        reason = "FieldValueRequired",
        message =
                "calling extensions or public numbers from a conference needs dialing.installationNumber (the company's public number)")
public class PbxSpec {

    @JsonPropertyDescription("The owner company. Required unless shared is true.")
    private LocalObjectReference companyRef;

    @JsonPropertyDescription("true: declared at reseller level and associated to companies by PbxShare objects.")
    private Boolean shared;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The server name shown in the admin UI. Default: the object's name.")
    private String serverName;

    @Required
    @JsonPropertyDescription("OmniPCXEnterprise, OXOConnect or OXOConnectEvolution.")
    private PbxType type;

    @JsonPropertyDescription("How the equipment ID and activation code are obtained. Default: Generated.")
    private PbxActivation activation;

    @Required
    @JsonPropertyDescription("Dialing information: country and prefixes.")
    private PbxDialing dialing;

    @JsonPropertyDescription("The NumberingPlan whose rules transform numbers of outgoing Rainbow calls.")
    private LocalObjectReference numberingPlanRef;

    @JsonPropertyDescription("Activate WebRTC gateway / Used as default route.")
    private PbxWebRtc webRtc;

    @JsonPropertyDescription("What a conference may do through the PBX.")
    private PbxConference conference;

    @JsonPropertyDescription(
            "OmniPCX Enterprise only: offer the secret identity service to company members with a desk phone.")
    private Boolean secretIdentity;

    @JsonPropertyDescription(
            "OmniPCX Enterprise only: emergency calls from Rainbow mobiles are intercepted by the PBX.")
    private Boolean emergencyThroughPbx;

    @JsonPropertyDescription("OmniPCX Enterprise only: CCD agent behaviour in Rainbow calls and in do-not-disturb.")
    private PbxCcd ccd;

    @JsonPropertyDescription(
            "OmniPCX Enterprise only: how the PBX reaches the internet (DNS servers or an HTTP proxy).")
    private PbxNetwork network;

    @JsonPropertyDescription(
            "OmniPCX Enterprise only: the O2G management endpoint through which the operator enters the activation data on the PBX itself.")
    private PbxEndpoint endpoint;

    @Size(max = 253)
    @Pattern("^[A-Za-z0-9._:-]*$")
    @JsonPropertyDescription(
            "A new value resets the PBX connection once: new activation code, status Pending, code entered again.")
    private String resetToken;

    @JsonPropertyDescription(
            "Delete (default): reset, remove the WebRTC gateways, then remove the equipment from the cloud. Orphan: leave it.")
    private DeletionPolicy deletionPolicy;

    public LocalObjectReference getCompanyRef() {
        return companyRef;
    }

    public void setCompanyRef(LocalObjectReference companyRef) {
        this.companyRef = companyRef;
    }

    public Boolean getShared() {
        return shared;
    }

    public void setShared(Boolean shared) {
        this.shared = shared;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public PbxType getType() {
        return type;
    }

    public void setType(PbxType type) {
        this.type = type;
    }

    public PbxActivation getActivation() {
        return activation;
    }

    public void setActivation(PbxActivation activation) {
        this.activation = activation;
    }

    public PbxDialing getDialing() {
        return dialing;
    }

    public void setDialing(PbxDialing dialing) {
        this.dialing = dialing;
    }

    public LocalObjectReference getNumberingPlanRef() {
        return numberingPlanRef;
    }

    public void setNumberingPlanRef(LocalObjectReference numberingPlanRef) {
        this.numberingPlanRef = numberingPlanRef;
    }

    public PbxWebRtc getWebRtc() {
        return webRtc;
    }

    public void setWebRtc(PbxWebRtc webRtc) {
        this.webRtc = webRtc;
    }

    public PbxConference getConference() {
        return conference;
    }

    public void setConference(PbxConference conference) {
        this.conference = conference;
    }

    public Boolean getSecretIdentity() {
        return secretIdentity;
    }

    public void setSecretIdentity(Boolean secretIdentity) {
        this.secretIdentity = secretIdentity;
    }

    public Boolean getEmergencyThroughPbx() {
        return emergencyThroughPbx;
    }

    public void setEmergencyThroughPbx(Boolean emergencyThroughPbx) {
        this.emergencyThroughPbx = emergencyThroughPbx;
    }

    public PbxCcd getCcd() {
        return ccd;
    }

    public void setCcd(PbxCcd ccd) {
        this.ccd = ccd;
    }

    public PbxNetwork getNetwork() {
        return network;
    }

    public void setNetwork(PbxNetwork network) {
        this.network = network;
    }

    public PbxEndpoint getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(PbxEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public String getResetToken() {
        return resetToken;
    }

    public void setResetToken(String resetToken) {
        this.resetToken = resetToken;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    @JsonIgnore
    public boolean isSharedPbx() {
        return Boolean.TRUE.equals(shared);
    }

    @JsonIgnore
    public DeletionPolicy effectiveDeletionPolicy() {
        return deletionPolicy == null ? DeletionPolicy.Delete : deletionPolicy;
    }

    @JsonIgnore
    public ActivationMode effectiveActivationMode() {
        return activation == null || activation.getMode() == null ? ActivationMode.Generated : activation.getMode();
    }

    /** The fleet equipment ID ({@code <fleet reference>-<installation reference>}), or null for a generated one. */
    @JsonIgnore
    public String fleetEquipmentId() {
        if (effectiveActivationMode() != ActivationMode.Fleet
                || activation.getFleetReference() == null
                || activation.getInstallationReference() == null) {
            return null;
        }
        return activation.getFleetReference() + "-" + activation.getInstallationReference();
    }
}
