package io.pbxops.simulator.cloud;

import io.pbxops.simulator.CloudContract;

/** The writable fields of a company (docs/cloud-contract.md#companies). */
record CompanySettings(
        String name,
        String country,
        String state,
        String status,
        String visibility,
        Boolean isBP,
        String bpType,
        Boolean isCentrex,
        String companyCallNumber,
        String externalReference,
        String externalReference2,
        String offerType) {

    /**
     * A company created through the API starts {@code active}: the real cloud waits for its first company_admin, which
     * this simulator has no users to model, and a steady value is what a reconciler needs to see.
     */
    static CompanySettings forCreate() {
        return new CompanySettings(null, null, null, "active", "private", false, null, false, null, null, null, null);
    }

    void validate(Violations violations, CloudContract contract) {
        violations.check(
                name != null && !name.isBlank() && name.length() <= 255,
                "name",
                "name is required, 1 to 255 characters",
                name);
        if (country != null) {
            violations.check(
                    Countries.isAlpha3(country), "country", "Invalid country: ISO 3166-1 alpha-3 expected", country);
            violations.check(
                    !("USA".equals(country) || "CAN".equals(country)) || state != null,
                    "state",
                    "state is required for USA and CAN",
                    state);
            if (!contract.servesExtensions() && state != null) {
                // The documented lists (SDK-ADMIN): the two-letter code alone, e.g. NY or QC, not US-NY.
                if ("USA".equals(country)) {
                    violations.check(
                            Enums.in(Enums.USA_STATES, state), "state", "Invalid state for country USA", state);
                } else if ("CAN".equals(country)) {
                    violations.check(
                            Enums.in(Enums.CAN_STATES, state), "state", "Invalid state for country CAN", state);
                }
            }
        }
        violations.check(Enums.in(Enums.COMPANY_STATUS, status), "status", "Invalid company status", status);
        violations.check(
                bpType == null || Enums.in(Enums.BP_TYPES, bpType), "bpType", "Invalid bpType: IR, VAD or DR", bpType);
    }
}
