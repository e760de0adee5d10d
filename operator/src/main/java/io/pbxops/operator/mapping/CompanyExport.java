package io.pbxops.operator.mapping;

import io.pbxops.operator.api.CompanySpec;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import java.util.Map;

/**
 * The cloud's company and site → a Company spec that {@link CompanyMapping} maps back to exactly what the cloud
 * holds: the display name, country and external reference as they are, the state as an ISO 3166-2 code, the site's
 * name when it is not the default.
 */
public final class CompanyExport {

    /** The countries whose companies have a state in the cloud, and the ISO 3166-2 prefix of their subdivisions. */
    static final Map<String, String> SUBDIVISION_PREFIXES = Map.of("USA", "US-", "CAN", "CA-");

    private CompanyExport() {}

    /** @param site the site the company's PBXs link to, or null when it has none (the operator would create one) */
    public static CompanySpec spec(CloudCompany company, CloudSite site) {
        CompanySpec spec = new CompanySpec();
        spec.setDisplayName(company.name());
        spec.setCountry(company.country());
        spec.setState(isoState(company));
        spec.setExternalReference(company.externalReference());
        if (site != null && !site.name().equals(company.name())) {
            spec.setSiteName(site.name());
        }
        return spec;
    }

    /**
     * The cloud's two-letter state as an ISO 3166-2 code ({@code NY} → {@code US-NY}). None outside USA and CAN, where
     * the cloud keeps no state and the spec takes none.
     */
    static String isoState(CloudCompany company) {
        String prefix = SUBDIVISION_PREFIXES.get(company.country());
        String state = company.state();
        if (prefix == null || state == null || state.isEmpty()) {
            return null;
        }
        return state.startsWith(prefix) ? state : prefix + state;
    }
}
