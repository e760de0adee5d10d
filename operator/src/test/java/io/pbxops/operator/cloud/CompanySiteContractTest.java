package io.pbxops.operator.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Companies and sites against the simulator over loopback HTTP. */
class CompanySiteContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private RainbowClient cloud;

    @BeforeEach
    void connect() {
        cloud = RainbowClient.create(
                SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.of(SIM.credentials()));
    }

    @AfterEach
    void disconnect() {
        cloud.close();
    }

    @Test
    void companyLifecycle() {
        CloudCompany created = cloud.companies()
                .create(CompanySettings.named("Acme Corp").withCountry("FRA").withExternalReference("crm-42"));

        assertNotNull(created.id());
        assertEquals("Acme Corp", created.name());
        assertEquals(created, cloud.companies().get(created.id()));
        assertEquals("crm-42", cloud.companies().get(created.id()).externalReference());

        CloudCompany updated = cloud.companies()
                .update(
                        created.id(),
                        new CompanySettings(
                                null, "DEU", null, null, null, null, null, null, null, null, null, null, null));
        assertEquals("DEU", updated.country());
        assertEquals("Acme Corp", updated.name(), "a partial update keeps the other fields");

        cloud.companies().delete(created.id());
        assertTrue(cloud.companies().find(created.id()).isEmpty());
        assertFalse(cloud.companies().deleteIfExists(created.id()));
    }

    @Test
    void unknownCompanyIsNotFound() {
        CloudNotFoundException e = assertThrows(
                CloudNotFoundException.class, () -> cloud.companies().get("0123456789abcdef01234567"));
        assertEquals(404, e.httpStatus());
        assertEquals("GET /companies/{companyId}", e.endpoint());
        assertTrue(e.getMessage().contains("0123456789abcdef01234567"), e.getMessage());
    }

    @Test
    void companiesListFiltersAndPages() {
        for (int i = 0; i < 5; i++) {
            cloud.companies().create(CompanySettings.named("Paged " + i));
        }
        cloud.companies().create(CompanySettings.named("Other"));

        Page<CloudCompany> first = cloud.companies().list(CompanyFilter.all().withName("paged"), PageRequest.first(2));
        assertEquals(2, first.data().size());
        assertEquals(5, first.total());
        assertFalse(first.isLast());

        List<String> all = cloud.companies()
                .listAll(CompanyFilter.all().withName("paged"))
                .map(CloudCompany::name)
                .sorted()
                .toList();
        assertEquals(List.of("Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4"), all);

        Set<String> streamedInSmallPages = Pages.stream(
                        PageRequest.first(2),
                        page -> cloud.companies().list(CompanyFilter.all().withName("paged"), page))
                .map(CloudCompany::name)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(all), streamedInSmallPages);
    }

    @Test
    void siteLifecycleAndListByCompany() {
        CloudCompany company = cloud.companies().create(CompanySettings.named("Sites Inc"));
        CloudSite hq = cloud.sites().create(SiteSettings.active("HQ", company.id()));
        CloudSite branch = cloud.sites().create(SiteSettings.active("Branch", company.id()));

        assertEquals(company.id(), hq.companyId());
        assertEquals(hq, cloud.sites().get(hq.id()));
        assertEquals(
                Set.of("HQ", "Branch"),
                cloud.sites()
                        .listAllByCompany(company.id())
                        .map(CloudSite::name)
                        .collect(Collectors.toSet()));
        assertEquals(
                List.of("Branch"),
                cloud.sites().list("bran", company.id(), PageRequest.first()).data().stream()
                        .map(CloudSite::name)
                        .toList());

        CloudSite renamed = cloud.sites().update(branch.id(), new SiteSettings("Branch 2", null, company.id()));
        assertEquals("Branch 2", renamed.name());

        cloud.sites().delete(branch.id());
        assertTrue(cloud.sites().find(branch.id()).isEmpty());
        assertFalse(cloud.sites().deleteIfExists(branch.id()));
    }

    @Test
    void aSiteWithALinkedSystemCannotBeDeleted() {
        CloudCompany company = cloud.companies().create(CompanySettings.named("Linked Ltd"));
        CloudSite site = cloud.sites().create(SiteSettings.active("HQ", company.id()));
        cloud.systems().create(NewSystem.onSite(site.id(), SystemSettings.of("pbx", "oxe", "FRA")));

        // docs/domain.md#cloud-model: a site is not deleted while systems are linked to it
        CloudForbiddenException refused =
                assertThrows(CloudForbiddenException.class, () -> cloud.sites().delete(site.id()));
        assertTrue(refused.getMessage().contains(site.id()), refused.getMessage());
        assertTrue(cloud.sites().find(site.id()).isPresent());
        // docs/domain.md#cloud-model: a company is not deleted while it has sites
        assertThrows(CloudForbiddenException.class, () -> cloud.companies().delete(company.id()));
    }
}
