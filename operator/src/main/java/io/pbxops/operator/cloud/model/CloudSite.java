package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A site as the cloud returns it (docs/cloud-contract.md#sites). A company's systems are linked to its sites. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudSite(
        String id, String name, String companyId, String status, Instant creationDate, Instant statusUpdatedDate) {

    /** The writable part, comparable with {@code equals} to a desired one. */
    public SiteSettings settings() {
        return new SiteSettings(name, status, companyId);
    }
}
