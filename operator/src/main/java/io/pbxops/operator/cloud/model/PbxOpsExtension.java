package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.CCD;
import static io.pbxops.operator.cloud.CloudExtensions.CCD_IGNORE_PBX_CALLS_IN_DND;
import static io.pbxops.operator.cloud.CloudExtensions.CCD_WITHDRAW_IN_DND;
import static io.pbxops.operator.cloud.CloudExtensions.CCD_WITHDRAW_REASON;
import static io.pbxops.operator.cloud.CloudExtensions.CCD_WITHDRAW_WHEN_BUSY;
import static io.pbxops.operator.cloud.CloudExtensions.CONFERENCE;
import static io.pbxops.operator.cloud.CloudExtensions.CONFERENCE_CALL_PHONE_NUMBERS;
import static io.pbxops.operator.cloud.CloudExtensions.CONFERENCE_PARTICIPATE_FROM_DESK_PHONE;
import static io.pbxops.operator.cloud.CloudExtensions.EMERGENCY_THROUGH_PBX;
import static io.pbxops.operator.cloud.CloudExtensions.INSTALLATION_NUMBER;
import static io.pbxops.operator.cloud.CloudExtensions.MODEL;
import static io.pbxops.operator.cloud.CloudExtensions.SECRET_IDENTITY;
import static io.pbxops.operator.cloud.CloudExtensions.SECRET_IDENTITY_ACTIVE;
import static io.pbxops.operator.cloud.CloudExtensions.WEB_RTC;
import static io.pbxops.operator.cloud.CloudExtensions.WEB_RTC_ENABLED;
import static io.pbxops.operator.cloud.CloudExtensions.WEB_RTC_LICENSE_ACCEPTED;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The system's invented {@code x-pbxops} object (EXTENSIONS.md §1.1): the admin-UI settings that no public API
 * shows. On {@code PUT} each key present replaces the stored one ({@code webRtc}, {@code conference}, {@code ccd}
 * are replaced whole); absent (null) keys are kept.
 *
 * @param model {@code CloudExtensions.MODEL_*}: tells OXO Connect from OXO Connect Evolution
 * @param secretIdentityActive read-only: ignored on writes, set on reads
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PbxOpsExtension(
        @JsonProperty(MODEL) String model,
        @JsonProperty(INSTALLATION_NUMBER) String installationNumber,
        @JsonProperty(SECRET_IDENTITY) Boolean secretIdentity,
        @JsonProperty(SECRET_IDENTITY_ACTIVE) Boolean secretIdentityActive,
        @JsonProperty(EMERGENCY_THROUGH_PBX) Boolean emergencyThroughPbx,
        @JsonProperty(WEB_RTC) WebRtc webRtc,
        @JsonProperty(CONFERENCE) Conference conference,
        @JsonProperty(CCD) Ccd ccd) {

    /** An extension that only names the PBX model. */
    public static PbxOpsExtension ofModel(String model) {
        return new PbxOpsExtension(model, null, null, null, null, null, null, null);
    }

    /** The same without the read-only {@code secretIdentityActive}: what a write would carry. */
    public PbxOpsExtension withoutReadOnly() {
        return new PbxOpsExtension(
                model, installationNumber, secretIdentity, null, emergencyThroughPbx, webRtc, conference, ccd);
    }

    public PbxOpsExtension withInstallationNumber(String value) {
        return new PbxOpsExtension(
                model, value, secretIdentity, secretIdentityActive, emergencyThroughPbx, webRtc, conference, ccd);
    }

    public PbxOpsExtension withSecretIdentity(Boolean value) {
        return new PbxOpsExtension(
                model, installationNumber, value, secretIdentityActive, emergencyThroughPbx, webRtc, conference, ccd);
    }

    public PbxOpsExtension withEmergencyThroughPbx(Boolean value) {
        return new PbxOpsExtension(
                model, installationNumber, secretIdentity, secretIdentityActive, value, webRtc, conference, ccd);
    }

    public PbxOpsExtension withWebRtc(WebRtc value) {
        return new PbxOpsExtension(
                model,
                installationNumber,
                secretIdentity,
                secretIdentityActive,
                emergencyThroughPbx,
                value,
                conference,
                ccd);
    }

    public PbxOpsExtension withConference(Conference value) {
        return new PbxOpsExtension(
                model,
                installationNumber,
                secretIdentity,
                secretIdentityActive,
                emergencyThroughPbx,
                webRtc,
                value,
                ccd);
    }

    public PbxOpsExtension withCcd(Ccd value) {
        return new PbxOpsExtension(
                model,
                installationNumber,
                secretIdentity,
                secretIdentityActive,
                emergencyThroughPbx,
                webRtc,
                conference,
                value);
    }

    /** WebRTC gateway activation; {@code enabled} needs {@code licenseAccepted}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebRtc(
            @JsonProperty(WEB_RTC_ENABLED) Boolean enabled,
            @JsonProperty(WEB_RTC_LICENSE_ACCEPTED) Boolean licenseAccepted) {}

    /** Conference options; {@code callPhoneNumbers} needs the installation number. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conference(
            @JsonProperty(CONFERENCE_CALL_PHONE_NUMBERS) Boolean callPhoneNumbers,

            @JsonProperty(CONFERENCE_PARTICIPATE_FROM_DESK_PHONE)
            Boolean participateFromDeskPhone) {}

    /** CCD agent behaviour (OmniPCX Enterprise only); {@code withdrawReason} 0..9, required once a withdraw is on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ccd(
            @JsonProperty(CCD_WITHDRAW_WHEN_BUSY) Boolean withdrawWhenBusy,
            @JsonProperty(CCD_IGNORE_PBX_CALLS_IN_DND) Boolean ignorePbxCallsInDnd,
            @JsonProperty(CCD_WITHDRAW_IN_DND) Boolean withdrawInDnd,
            @JsonProperty(CCD_WITHDRAW_REASON) Integer withdrawReason) {}
}
