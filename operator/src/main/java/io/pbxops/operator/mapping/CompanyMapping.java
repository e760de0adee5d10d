package io.pbxops.operator.mapping;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.CompanySpec;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.SiteSettings;
import java.util.Arrays;
import java.util.List;

/** Company spec ↔ the cloud's company and the site its PBXs link to. */
public final class CompanyMapping {

    private CompanyMapping() {}

    /** The company's name in the cloud: what a create uses and what an adoption looks for. */
    public static String cloudName(Company company) {
        CompanySpec spec = company.getSpec();
        return spec == null || spec.getDisplayName() == null
                ? company.getMetadata().getName()
                : spec.getDisplayName();
    }

    public static String siteName(Company company) {
        CompanySpec spec = company.getSpec();
        return spec != null && spec.getSiteName() != null ? spec.getSiteName() : cloudName(company);
    }

    /** The managed fields: name and country always, the state and the external reference when the spec gives them. */
    public static CompanySettings desired(Company company) {
        return CompanySettings.named(cloudName(company))
                .withCountry(company.getSpec().getCountry())
                .withState(cloudState(company.getSpec()))
                .withExternalReference(company.getSpec().getExternalReference());
    }

    /**
     * The cloud's {@code state}: the subdivision part of the spec's ISO 3166-2 code ({@code US-NY} → {@code NY}), the
     * two-letter code the cloud lists for USA and CAN. Null (not managed) without a state or outside those countries.
     */
    static String cloudState(CompanySpec spec) {
        String state = spec.getState();
        String prefix = CompanyExport.SUBDIVISION_PREFIXES.get(spec.getCountry());
        if (state == null || prefix == null || !state.startsWith(prefix)) {
            return null;
        }
        return state.substring(prefix.length());
    }

    public static SiteSettings desiredSite(Company company, String companyId) {
        return SiteSettings.active(siteName(company), companyId);
    }

    public static Changes<CompanySettings> diff(CloudCompany observed, Company company) {
        return RecordDiff.diff(CompanySettings.class, observed == null ? null : observed.settings(), desired(company));
    }

    /** What the drift check compares: the fields this mapping manages, as the cloud holds them. */
    public static List<Object> signature(CloudCompany company) {
        return Arrays.asList(company.name(), company.country(), company.state(), company.externalReference());
    }

    public static List<Object> signature(CloudSite site) {
        return Arrays.asList(site.name(), site.companyId());
    }

    /**
     * Only the site's name is managed (its company never changes, its status is the cloud's). The update carries its
     * {@code companyId}, which the contract's {@code PUT /sites/{siteId}} requires.
     */
    public static Changes<SiteSettings> diffSite(CloudSite observed, Company company) {
        Changes<SiteSettings> changes = RecordDiff.diff(
                SiteSettings.class,
                observed == null ? null : new SiteSettings(observed.name(), null, null),
                new SiteSettings(siteName(company), null, null));
        if (changes.update() == null || observed == null) {
            return changes;
        }
        return new Changes<>(
                new SiteSettings(changes.update().name(), changes.update().status(), observed.companyId()),
                changes.fields());
    }
}
