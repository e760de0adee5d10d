package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pbxops.simulator.CloudContract;
import java.util.List;

/**
 * The fields of a system accepted on both POST and PUT (docs/cloud-contract.md#systems, plus {@code x-pbxops}, which
 * the documented profile never holds: {@code extensions} is then null).
 */
record SystemSettings(
        String name,
        String pbxLdapId,
        String type,
        String country,
        String version,
        Integer serverPingTimeout,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> pbxMainBundlePrefix,

        Boolean usePbxMainBundlePrefix,
        List<NumberingRule> pbxNumberingTranslator,
        String pbxNationalPrefix,
        String pbxInternationalPrefix,
        List<String> searchResultOrder,
        Boolean isShared,
        @JsonProperty("x-pbxops") SystemExtensions extensions) {

    static final int MAX_RULES = 100;
    static final int MAX_REGEXP = 64;

    /** The defaults a POST starts from; the {@code x-pbxops} model follows the type unless the body names one. */
    static SystemSettings forCreate(String type, CloudContract contract) {
        return new SystemSettings(
                null,
                null,
                null,
                null,
                "",
                120,
                List.of(),
                false,
                List.of(),
                null,
                null,
                List.of(),
                false,
                contract.servesExtensions() ? SystemExtensions.forCreate(type) : null);
    }

    SystemSettings withExtensions(SystemExtensions value) {
        return new SystemSettings(
                name,
                pbxLdapId,
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
                isShared,
                value);
    }

    /** The 2019 POST schema spells {@code "third party"}; everything else says {@code third_party}. */
    SystemSettings normalized() {
        if ("third party".equals(type)) {
            return new SystemSettings(
                    name,
                    pbxLdapId,
                    "third_party",
                    country,
                    version,
                    serverPingTimeout,
                    pbxMainBundlePrefix,
                    usePbxMainBundlePrefix,
                    pbxNumberingTranslator,
                    pbxNationalPrefix,
                    pbxInternationalPrefix,
                    searchResultOrder,
                    isShared,
                    extensions);
        }
        return this;
    }

    void validate(Violations violations, CloudContract contract) {
        violations.check(
                name != null && !name.isBlank() && name.length() <= 255,
                "name",
                "name is required, 1 to 255 characters",
                name);
        violations.check(
                Enums.in(Enums.SYSTEM_TYPES, type), "type", "type must be oxo, oxe, third_party or undefined", type);
        violations.check(
                Countries.isAlpha3(country), "country", "Invalid country: ISO 3166-1 alpha-3 expected", country);
        violations.check(
                serverPingTimeout == null || serverPingTimeout > 0,
                "serverPingTimeout",
                "serverPingTimeout must be positive",
                serverPingTimeout);
        violations.check(
                pbxNationalPrefix == null || pbxNationalPrefix.length() <= 32,
                "pbxNationalPrefix",
                "pbxNationalPrefix is at most 32 characters",
                pbxNationalPrefix);
        violations.check(
                pbxInternationalPrefix == null || pbxInternationalPrefix.length() <= 32,
                "pbxInternationalPrefix",
                "pbxInternationalPrefix is at most 32 characters",
                pbxInternationalPrefix);
        if (searchResultOrder != null) {
            violations.check(
                    searchResultOrder.stream().allMatch(source -> Enums.in(Enums.SEARCH_SOURCES, source)),
                    "searchResultOrder",
                    "searchResultOrder holds RAINBOW, LDAP and PBX only",
                    searchResultOrder);
        }
        validateRules(violations, contract);
        if (!contract.servesExtensions()) {
            return;
        }
        if (extensions == null) {
            violations.add("x-pbxops", "x-pbxops must be an object", null);
        } else {
            extensions.validate(type, violations);
        }
    }

    private void validateRules(Violations violations, CloudContract contract) {
        if (pbxNumberingTranslator == null) {
            return;
        }
        if (pbxNumberingTranslator.size() > MAX_RULES) {
            violations.add(
                    "pbxNumberingTranslator",
                    "Invalid format 'System' 'pbxNumberingTranslator'. Array size is longer than " + MAX_RULES,
                    pbxNumberingTranslator.size());
            return;
        }
        for (int i = 0; i < pbxNumberingTranslator.size(); i++) {
            NumberingRule rule = pbxNumberingTranslator.get(i);
            String param = "pbxNumberingTranslator[" + i + "]";
            if (rule == null || rule.regexpMatch() == null || rule.regexpMatch().isEmpty()) {
                violations.add(param + ".regexpMatch", "regexpMatch is required", null);
                continue;
            }
            violations.check(
                    rule.regexpMatch().length() <= MAX_REGEXP,
                    param + ".regexpMatch",
                    "regexpMatch is longer than " + MAX_REGEXP + " characters",
                    rule.regexpMatch());
            if (!contract.servesExtensions()) {
                // ADMIN-2019: "\d" is not supported in the expressions; a digit class is.
                violations.check(
                        !hasDigitShorthand(rule.regexpMatch()),
                        param + ".regexpMatch",
                        "\\d is not supported in regexpMatch: use a digit class such as [0-9]",
                        rule.regexpMatch());
            }
            violations.check(
                    rule.regexpReplace() == null || rule.regexpReplace().length() <= MAX_REGEXP,
                    param + ".regexpReplace",
                    "regexpReplace is longer than " + MAX_REGEXP + " characters",
                    rule.regexpReplace());
        }
    }

    /** Whether the expression uses {@code \d}; an escaped backslash followed by {@code d} is a literal, not it. */
    static boolean hasDigitShorthand(String expression) {
        for (int i = 0; i < expression.length() - 1; i++) {
            if (expression.charAt(i) == '\\') {
                if (expression.charAt(i + 1) == 'd') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
