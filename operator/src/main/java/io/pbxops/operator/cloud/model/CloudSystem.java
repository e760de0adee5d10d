package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.SYSTEM_EXTENSION;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A system (a PBX) as the cloud returns it (docs/cloud-contract.md#systems). Fields the chosen {@link Format} leaves
 * out are null.
 *
 * <p>Read-only fields: {@code id, jid_*, status, activatingTransactionId, creationDate, statusUpdatedDate,
 * hasMediaPillar, connectionHistory, serialNumber} and {@code x-pbxops.secretIdentityActive}. Create-only fields
 * (see {@link NewSystem}): {@code pbxId, activationCode, isCentrex, isOxoManaged}; {@code siteId} changes only by
 * link/unlink.
 *
 * <p>While the system is {@code created} or {@code activating}, {@code jid_pbxagent_password} is the activation
 * code, and a fleet PBX's {@code pbxId} is its code too: {@link #toString()} masks them, the agent's JID (which
 * holds the pbxId) and the other passwords.
 *
 * @param siteId the sites this system is linked to (a list on reads)
 * @param status {@code created}, {@code activating}, {@code activated} (see {@link #STATUS_CREATED} ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudSystem(
        String id,
        String name,
        String pbxId,
        String pbxLdapId,
        List<String> siteId,
        String type,
        String country,
        String version,
        Integer serverPingTimeout,
        List<String> pbxMainBundlePrefix,
        Boolean usePbxMainBundlePrefix,
        List<NumberingRule> pbxNumberingTranslator,
        String pbxNationalPrefix,
        String pbxInternationalPrefix,
        List<String> searchResultOrder,
        @JsonProperty("isCentrex") Boolean isCentrex,
        @JsonProperty("isShared") Boolean isShared,
        String bpId,
        @JsonProperty("isOxoManaged") Boolean isOxoManaged,
        @JsonProperty("jid_pbxagent") String jidPbxagent,
        @JsonProperty("jid_pbxagent_password") String jidPbxagentPassword,
        @JsonProperty("jid_pbxpcg") String jidPbxpcg,
        @JsonProperty("jid_pbxpcg_password") String jidPbxpcgPassword,
        String status,
        String activatingTransactionId,
        @JsonProperty("jid_pbxagent_password_activating") String jidPbxagentPasswordActivating,
        Instant creationDate,
        Instant statusUpdatedDate,
        Boolean hasMediaPillar,
        List<ConnectionEvent> connectionHistory,
        String serialNumber,
        @JsonProperty(SYSTEM_EXTENSION) PbxOpsExtension xPbxOps) {

    public static final String STATUS_CREATED = "created";
    public static final String STATUS_ACTIVATING = "activating";
    public static final String STATUS_ACTIVATED = "activated";

    /** A fleet PBX's equipment ID is also its activation code, and the agent's JID holds the equipment ID. */
    private static final Set<String> SECRETS =
            Set.of("pbxId", "jidPbxagent", "jidPbxagentPassword", "jidPbxpcgPassword", "jidPbxagentPasswordActivating");

    public CloudSystem {
        siteId = siteId == null ? null : List.copyOf(siteId);
        pbxMainBundlePrefix = pbxMainBundlePrefix == null ? null : List.copyOf(pbxMainBundlePrefix);
        pbxNumberingTranslator = pbxNumberingTranslator == null ? null : List.copyOf(pbxNumberingTranslator);
        searchResultOrder = searchResultOrder == null ? null : List.copyOf(searchResultOrder);
        connectionHistory = connectionHistory == null ? null : List.copyOf(connectionHistory);
    }

    /**
     * The writable part, shaped as an update would send it (read-only {@code secretIdentityActive} removed), so a
     * desired {@link SystemSettings} can be compared with what the cloud holds.
     */
    public SystemSettings settings() {
        return new SystemSettings(
                name,
                type,
                country,
                version,
                serverPingTimeout,
                pbxLdapId,
                pbxMainBundlePrefix,
                usePbxMainBundlePrefix,
                pbxNumberingTranslator,
                pbxNationalPrefix,
                pbxInternationalPrefix,
                searchResultOrder,
                isShared,
                bpId,
                xPbxOps == null ? null : xPbxOps.withoutReadOnly());
    }

    /** The same system with another connection history (a list that omits it keeps the one known). */
    public CloudSystem withConnectionHistory(List<ConnectionEvent> value) {
        return new CloudSystem(
                id,
                name,
                pbxId,
                pbxLdapId,
                siteId,
                type,
                country,
                version,
                serverPingTimeout,
                pbxMainBundlePrefix,
                usePbxMainBundlePrefix,
                pbxNumberingTranslator,
                pbxNationalPrefix,
                pbxInternationalPrefix,
                searchResultOrder,
                isCentrex,
                isShared,
                bpId,
                isOxoManaged,
                jidPbxagent,
                jidPbxagentPassword,
                jidPbxpcg,
                jidPbxpcgPassword,
                status,
                activatingTransactionId,
                jidPbxagentPasswordActivating,
                creationDate,
                statusUpdatedDate,
                hasMediaPillar,
                value,
                serialNumber,
                xPbxOps);
    }

    /** The same system linked to other sites (after an unlink, whose answer is no system). */
    public CloudSystem withSiteId(List<String> value) {
        return new CloudSystem(
                id,
                name,
                pbxId,
                pbxLdapId,
                value,
                type,
                country,
                version,
                serverPingTimeout,
                pbxMainBundlePrefix,
                usePbxMainBundlePrefix,
                pbxNumberingTranslator,
                pbxNationalPrefix,
                pbxInternationalPrefix,
                searchResultOrder,
                isCentrex,
                isShared,
                bpId,
                isOxoManaged,
                jidPbxagent,
                jidPbxagentPassword,
                jidPbxpcg,
                jidPbxpcgPassword,
                status,
                activatingTransactionId,
                jidPbxagentPasswordActivating,
                creationDate,
                statusUpdatedDate,
                hasMediaPillar,
                connectionHistory,
                serialNumber,
                xPbxOps);
    }

    /** True when linked to that site. */
    public boolean isLinkedTo(String siteId) {
        return this.siteId != null && this.siteId.contains(siteId);
    }

    @Override
    public String toString() {
        return Masking.recordToString(this, SECRETS);
    }
}
