package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.SYSTEM_EXTENSION;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The settings of a system that can be written both at creation and later: the body of
 * {@code PUT /systems/{systemId}} and the common part of {@link NewSystem}. Null fields are not sent, so an update
 * carries only what should change; an empty list is sent (it resets, e.g. {@code pbxNumberingTranslator: []}).
 *
 * <p>Update rules the cloud enforces (docs/cloud-contract.md#systems): {@code isShared} can become true only for a
 * non-centrex system linked to a site or with a {@code bpId}, and false only with exactly one site link; {@code bpId}
 * only by a superadmin. {@code x-pbxops} keys replace the stored ones one by one (see {@link PbxOpsExtension}).
 *
 * @param type {@code oxe}, {@code oxo}, {@code third_party}, {@code undefined}
 * @param country ISO 3166 alpha-3
 * @param pbxMainBundlePrefix the outbound prefix, e.g. {@code ["0"]}
 * @param usePbxMainBundlePrefix whether the outbound prefix is used
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemSettings(
        String name,
        String type,
        String country,
        String version,
        Integer serverPingTimeout,
        String pbxLdapId,
        List<String> pbxMainBundlePrefix,
        Boolean usePbxMainBundlePrefix,
        List<NumberingRule> pbxNumberingTranslator,
        String pbxNationalPrefix,
        String pbxInternationalPrefix,
        List<String> searchResultOrder,
        @JsonProperty("isShared") Boolean isShared,
        String bpId,
        @JsonProperty(SYSTEM_EXTENSION) PbxOpsExtension xPbxOps) {

    public static final String TYPE_OXE = "oxe";
    public static final String TYPE_OXO = "oxo";

    public SystemSettings {
        pbxMainBundlePrefix = pbxMainBundlePrefix == null ? null : List.copyOf(pbxMainBundlePrefix);
        pbxNumberingTranslator = pbxNumberingTranslator == null ? null : List.copyOf(pbxNumberingTranslator);
        searchResultOrder = searchResultOrder == null ? null : List.copyOf(searchResultOrder);
    }

    /** Nothing set: start of a partial update. */
    public static SystemSettings none() {
        return new SystemSettings(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The fields a create needs: name, type and country. */
    public static SystemSettings of(String name, String type, String country) {
        return none().withName(name).withType(type).withCountry(country);
    }

    public SystemSettings withName(String value) {
        return new SystemSettings(
                value,
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
                xPbxOps);
    }

    public SystemSettings withType(String value) {
        return new SystemSettings(
                name,
                value,
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
                xPbxOps);
    }

    public SystemSettings withCountry(String value) {
        return new SystemSettings(
                name,
                type,
                value,
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
                xPbxOps);
    }

    public SystemSettings withOutboundPrefix(List<String> prefix, Boolean use) {
        return new SystemSettings(
                name,
                type,
                country,
                version,
                serverPingTimeout,
                pbxLdapId,
                prefix,
                use,
                pbxNumberingTranslator,
                pbxNationalPrefix,
                pbxInternationalPrefix,
                searchResultOrder,
                isShared,
                bpId,
                xPbxOps);
    }

    public SystemSettings withNumberingTranslator(List<NumberingRule> value) {
        return new SystemSettings(
                name,
                type,
                country,
                version,
                serverPingTimeout,
                pbxLdapId,
                pbxMainBundlePrefix,
                usePbxMainBundlePrefix,
                value,
                pbxNationalPrefix,
                pbxInternationalPrefix,
                searchResultOrder,
                isShared,
                bpId,
                xPbxOps);
    }

    public SystemSettings withPrefixes(String national, String international) {
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
                national,
                international,
                searchResultOrder,
                isShared,
                bpId,
                xPbxOps);
    }

    public SystemSettings withShared(Boolean value) {
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
                value,
                bpId,
                xPbxOps);
    }

    public SystemSettings withBpId(String value) {
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
                value,
                xPbxOps);
    }

    public SystemSettings withExtension(PbxOpsExtension value) {
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
                value);
    }
}
