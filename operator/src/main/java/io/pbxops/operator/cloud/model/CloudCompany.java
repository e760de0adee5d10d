package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A company as the cloud returns it ({@code GET /companies/{companyId}}, docs/cloud-contract.md#companies).
 * Fields the chosen {@link Format} leaves out are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudCompany(
        String id,
        String name,
        String country,
        String state,
        String status,
        String visibility,
        String bpId,
        @JsonProperty("isBP") Boolean isBP,
        String bpType,
        @JsonProperty("isCentrex") Boolean isCentrex,
        String companyCallNumber,
        String externalReference,
        String externalReference2,
        String offerType,
        Instant creationDate) {

    /** The writable part, as it would be sent back: comparable with {@code equals} to a desired one. */
    public CompanySettings settings() {
        return new CompanySettings(
                name,
                country,
                state,
                status,
                visibility,
                bpId,
                isBP,
                bpType,
                isCentrex,
                companyCallNumber,
                externalReference,
                externalReference2,
                offerType);
    }
}
