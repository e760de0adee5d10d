package io.pbxops.operator.mapping;

import io.pbxops.operator.api.CompanySpec;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;

/**
 * The cloud's company and site → a Company spec that {@link CompanyMapping} maps back to exactly what the cloud
 * holds: the display name, country and external reference as they are, the site's name when it is not the default.
 */
public final class CompanyExport {

    private CompanyExport() {}

    /** @param site the site the company's PBXs link to, or null when it has none (the operator would create one) */
    public static CompanySpec spec(CloudCompany company, CloudSite site) {
        CompanySpec spec = new CompanySpec();
        spec.setDisplayName(company.name());
        spec.setCountry(company.country());
        spec.setExternalReference(company.externalReference());
        if (site != null && !site.name().equals(company.name())) {
            spec.setSiteName(site.name());
        }
        return spec;
    }
}
