package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Companies: {@code /api/rainbow/admin/v1.0/companies} (docs/cloud-contract.md#companies). Obtain it from
 * {@link RainbowClient}.
 */
public final class CompanyClient {

    static final String COMPANIES = "/companies";
    static final String COMPANY = "/companies/{companyId}";

    private final CloudApi api;

    CompanyClient(CloudApi api) {
        this.api = api;
    }

    /** Creates a company; {@code name} is required. Not retried after an unclear failure (see {@link CloudTransport}). */
    public CloudCompany create(CompanySettings settings) {
        return api.data(
                CloudCall.admin("POST", COMPANIES, "create company " + settings.name())
                        .withBody(settings),
                CloudCompany.class);
    }

    /** @throws CloudNotFoundException when no company has that id */
    public CloudCompany get(String companyId) {
        return api.data(
                CloudCall.admin("GET", COMPANY, "read company " + companyId, companyId)
                        .withQuery(Map.of("format", "full")),
                CloudCompany.class);
    }

    /** Like {@link #get} but empty when the company does not exist (an observe step). */
    public Optional<CloudCompany> find(String companyId) {
        return Tolerant.absentIfNotFound(() -> get(companyId));
    }

    public Page<CloudCompany> list(CompanyFilter filter, PageRequest page) {
        return api.page(
                CloudCall.admin("GET", COMPANIES, "list companies")
                        .withQuery(QueryParams.paged(filter.toQuery(), page)),
                CloudCompany.class);
    }

    /** Every matching company, page by page (see {@link Pages}). */
    public Stream<CloudCompany> listAll(CompanyFilter filter) {
        return Pages.stream(PageRequest.first(), page -> list(filter, page));
    }

    /** Partial update: only the non-null fields of {@code changes} are sent. */
    public CloudCompany update(String companyId, CompanySettings changes) {
        return api.data(
                CloudCall.admin("PUT", COMPANY, "update company " + companyId, companyId)
                        .withBody(changes),
                CloudCompany.class);
    }

    /**
     * Deletes (or, when it has subscriptions, only disables) a company. Refused while sites, users or subscriptions
     * remain.
     *
     * @throws CloudNotFoundException when it is already gone; see {@link #deleteIfExists}
     */
    public void delete(String companyId) {
        api.noData(CloudCall.admin("DELETE", COMPANY, "delete company " + companyId, companyId));
    }

    /** Deletes the company; false when it was already gone. */
    public boolean deleteIfExists(String companyId) {
        return Tolerant.falseIfNotFound(() -> delete(companyId));
    }
}
