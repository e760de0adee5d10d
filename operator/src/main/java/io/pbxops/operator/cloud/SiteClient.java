package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.Format;
import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.SiteSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sites: {@code /api/rainbow/admin/v1.0/sites} (docs/cloud-contract.md#sites). Obtain it from {@link RainbowClient}.
 */
public final class SiteClient {

    static final String SITES = "/sites";
    static final String SITE = "/sites/{siteId}";
    static final String COMPANY_SITES = "/companies/{companyId}/sites";

    private final CloudApi api;

    SiteClient(CloudApi api) {
        this.api = api;
    }

    /** Creates a site; name, status and companyId are required. */
    public CloudSite create(SiteSettings settings) {
        return api.data(
                CloudCall.admin("POST", SITES, "create site " + settings.name() + " in company " + settings.companyId())
                        .withBody(settings),
                CloudSite.class);
    }

    /** @throws CloudNotFoundException when no site has that id */
    public CloudSite get(String siteId) {
        return api.data(CloudCall.admin("GET", SITE, "read site " + siteId, siteId), CloudSite.class);
    }

    public Optional<CloudSite> find(String siteId) {
        return Tolerant.absentIfNotFound(() -> get(siteId));
    }

    /** Sites filtered by part of the name and/or company (null = not filtered). */
    public Page<CloudSite> list(String name, String companyId, PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        // The default list format leaves the company ID out.
        query.put("format", Format.FULL.wireValue());
        QueryParams.put(query, "name", name);
        QueryParams.put(query, "companyId", companyId);
        return api.page(
                CloudCall.admin("GET", SITES, "list sites").withQuery(QueryParams.paged(query, page)), CloudSite.class);
    }

    /** The sites of one company ({@code GET /companies/{companyId}/sites}). */
    public Page<CloudSite> listByCompany(String companyId, PageRequest page) {
        return api.page(
                CloudCall.admin("GET", COMPANY_SITES, "list the sites of company " + companyId, companyId)
                        .withQuery(QueryParams.paged(Map.of("format", Format.FULL.wireValue()), page)),
                CloudSite.class);
    }

    public Stream<CloudSite> listAllByCompany(String companyId) {
        return Pages.stream(PageRequest.first(), page -> listByCompany(companyId, page));
    }

    /** Partial update; the cloud requires {@code companyId} in the body. */
    public CloudSite update(String siteId, SiteSettings changes) {
        return api.data(
                CloudCall.admin("PUT", SITE, "update site " + siteId, siteId).withBody(changes), CloudSite.class);
    }

    /**
     * Deletes a site; refused while systems are linked to it.
     *
     * @throws CloudNotFoundException when it is already gone; see {@link #deleteIfExists}
     */
    public void delete(String siteId) {
        api.noData(CloudCall.admin("DELETE", SITE, "delete site " + siteId, siteId));
    }

    /** Deletes the site; false when it was already gone. */
    public boolean deleteIfExists(String siteId) {
        return Tolerant.falseIfNotFound(() -> delete(siteId));
    }
}
