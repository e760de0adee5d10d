package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /sites} (all three required) and {@code PUT /sites/{siteId}} ({@code companyId} required
 * there too; only a reseller or organisation admin may move a site to another company).
 *
 * @param status {@code active}, {@code alerting}, {@code hold} or {@code terminated}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteSettings(String name, String status, String companyId) {

    public static final String ACTIVE = "active";

    /** An active site of a company. */
    public static SiteSettings active(String name, String companyId) {
        return new SiteSettings(name, ACTIVE, companyId);
    }
}
