package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PbxStatus extends PbxOpsStatus {

    @JsonPropertyDescription("The cloud system's ID.")
    private String systemId;

    @JsonPropertyDescription(
            "The equipment ID (the cloud's pbxId). The activation code is only in the activation Secret.")
    private String equipmentId;

    @JsonPropertyDescription("The Secret holding equipmentId and activationCode.")
    private String activationSecretName;

    @JsonPropertyDescription("The system's status in the cloud: created, activating or activated.")
    private String cloudStatus;

    @JsonPropertyDescription("Pending, Running or Degraded, as the admin UI shows it.")
    private ConnectionState connection;

    @JsonPropertyDescription("Number of companies the PBX serves (the owner, or the companies of its PbxShares).")
    private Integer companies;

    @JsonPropertyDescription("Read-only: whether secret identity is active in the PBX's main entity.")
    private Boolean secretIdentityActive;

    @JsonPropertyDescription("The resetToken the last reset was made for.")
    private String lastResetToken;

    @JsonPropertyDescription("When the last reset was made (RFC 3339).")
    private String lastResetTime;

    @JsonPropertyDescription(
            "What a person enters on the PBX that its management endpoint does not let the operator set (the network "
                    + "prerequisites in netadmin, menu by menu); empty when nothing is to be done by hand.")
    private List<String> runbook;

    @JsonPropertyDescription(
            "Extension settings (x-pbxops groups) the cloud did not keep when they were written: not sent again until "
                    + "the spec changes (settingsNotKeptGeneration).")
    private List<String> settingsNotKept;

    @JsonPropertyDescription("The generation of the spec for which settingsNotKept was found.")
    private Long settingsNotKeptGeneration;

    @JsonPropertyDescription(
            "A reset requested and possibly made but not yet confirmed (its token); cleared once confirmed.")
    private String pendingResetToken;

    @JsonPropertyDescription("When the pending reset was requested (RFC 3339).")
    private String pendingResetSince;

    public List<String> getRunbook() {
        return runbook;
    }

    public void setRunbook(List<String> runbook) {
        this.runbook = runbook;
    }

    public List<String> getSettingsNotKept() {
        return settingsNotKept;
    }

    public void setSettingsNotKept(List<String> settingsNotKept) {
        this.settingsNotKept = settingsNotKept;
    }

    public Long getSettingsNotKeptGeneration() {
        return settingsNotKeptGeneration;
    }

    public void setSettingsNotKeptGeneration(Long settingsNotKeptGeneration) {
        this.settingsNotKeptGeneration = settingsNotKeptGeneration;
    }

    public String getPendingResetToken() {
        return pendingResetToken;
    }

    public void setPendingResetToken(String pendingResetToken) {
        this.pendingResetToken = pendingResetToken;
    }

    public String getPendingResetSince() {
        return pendingResetSince;
    }

    public void setPendingResetSince(String pendingResetSince) {
        this.pendingResetSince = pendingResetSince;
    }

    public String getSystemId() {
        return systemId;
    }

    public void setSystemId(String systemId) {
        this.systemId = systemId;
    }

    public String getEquipmentId() {
        return equipmentId;
    }

    public void setEquipmentId(String equipmentId) {
        this.equipmentId = equipmentId;
    }

    public String getActivationSecretName() {
        return activationSecretName;
    }

    public void setActivationSecretName(String activationSecretName) {
        this.activationSecretName = activationSecretName;
    }

    public String getCloudStatus() {
        return cloudStatus;
    }

    public void setCloudStatus(String cloudStatus) {
        this.cloudStatus = cloudStatus;
    }

    public ConnectionState getConnection() {
        return connection;
    }

    public void setConnection(ConnectionState connection) {
        this.connection = connection;
    }

    public Integer getCompanies() {
        return companies;
    }

    public void setCompanies(Integer companies) {
        this.companies = companies;
    }

    public Boolean getSecretIdentityActive() {
        return secretIdentityActive;
    }

    public void setSecretIdentityActive(Boolean secretIdentityActive) {
        this.secretIdentityActive = secretIdentityActive;
    }

    public String getLastResetToken() {
        return lastResetToken;
    }

    public void setLastResetToken(String lastResetToken) {
        this.lastResetToken = lastResetToken;
    }

    public String getLastResetTime() {
        return lastResetTime;
    }

    public void setLastResetTime(String lastResetTime) {
        this.lastResetTime = lastResetTime;
    }
}
