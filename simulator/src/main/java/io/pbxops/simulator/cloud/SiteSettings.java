package io.pbxops.simulator.cloud;

/** The writable fields of a site (docs/cloud-contract.md#sites). */
record SiteSettings(String name, String status, String companyId) {

    void validate(Violations violations) {
        violations.check(
                name != null && !name.isBlank() && name.length() <= 255,
                "name",
                "name is required, 1 to 255 characters",
                name);
        violations.check(
                Enums.in(Enums.SITE_STATUS, status),
                "status",
                "Invalid site status: active, alerting, hold or terminated",
                status);
        violations.check(companyId != null, "companyId", "companyId is required", companyId);
    }
}
