package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /companies} and {@code PUT /companies/{companyId}}: null fields are not sent, so an
 * update carries only what should change.
 *
 * <p>{@code name} is required on create. {@code bpId} can only be set by a superadmin (a reseller's companies get it
 * automatically).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanySettings(
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
        String offerType) {

    /** Only a name: the smallest valid create. */
    public static CompanySettings named(String name) {
        return new CompanySettings(name, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CompanySettings withCountry(String country) {
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

    public CompanySettings withState(String state) {
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

    public CompanySettings withExternalReference(String externalReference) {
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
