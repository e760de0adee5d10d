package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.SimulatorTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanySiteTest extends SimulatorTest {

    private static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    @Test
    void aCompanyCreatedByTheBpAdminGetsItsBpIdAndIsActive() {
        JsonNode company = ok(cloud.post(
                ADMIN + "/companies",
                Http.JSON
                        .createObjectNode()
                        .put("name", "ACME Industries")
                        .put("country", "FRA")
                        .put("externalReference", "crm-4711")));

        assertEquals(24, company.get("id").asText().length());
        assertTrue(company.get("id").asText().matches("[0-9a-f]{24}"));
        assertEquals(bpCompanyId, company.get("bpId").asText());
        assertEquals("active", company.get("status").asText());
        assertEquals(
                "crm-4711",
                ok(cloud.get(ADMIN + "/companies/" + company.get("id").asText()))
                        .get("externalReference")
                        .asText());
    }

    @Test
    void invalidCompaniesAreRefusedWithParamMsgValue() {
        Http.Response response = cloud.post(
                ADMIN + "/companies",
                Http.JSON.createObjectNode().put("name", "X").put("country", "FR"));

        assertEquals(400, response.status());
        assertEquals(400000, response.detailsCode());
        JsonNode detail = response.body().get("errorDetails").get(0);
        assertEquals("country", detail.get("param").asText());
        assertEquals("FR", detail.get("value").asText());
        assertFalse(detail.get("msg").asText().isEmpty());
        assertEquals(400000, cloud.post(ADMIN + "/companies", "{}").detailsCode(), "name is required");
        assertEquals(400000, cloud.post(ADMIN + "/companies", "not json").detailsCode());
    }

    @Test
    void companyListFiltersByNameCaseInsensitivelyAndByBpIdAndPages() {
        for (String name : List.of("Alpha Foods", "beta foods", "Gamma Steel", "Delta Foods")) {
            createCompany(name);
        }

        JsonNode foods = cloud.get(ADMIN + "/companies?name=FOOD").body();
        assertEquals(3, foods.get("total").asInt());
        assertEquals(List.of("Alpha Foods", "beta foods", "Delta Foods"), names(foods.get("data")));

        JsonNode page = cloud.get(
                        ADMIN + "/companies?bpId=" + bpCompanyId + "&limit=2&offset=1&sortField=name&sortOrder=-1")
                .body();
        assertEquals(4, page.get("total").asInt());
        assertEquals(2, page.get("limit").asInt());
        assertEquals(1, page.get("offset").asInt());
        assertEquals(List.of("Delta Foods", "beta foods"), names(page.get("data")));
        assertEquals(2, page.get("data").get(0).size(), "format small: id and name");

        JsonNode full = cloud.get(ADMIN + "/companies?name=gamma&format=full")
                .body()
                .get("data")
                .get(0);
        assertEquals("FRA", full.get("country").asText());
        assertEquals(
                0,
                cloud.get(ADMIN + "/companies?offset=50").body().get("data").size(),
                "offset past total: no results");
        assertEquals(400000, cloud.get(ADMIN + "/companies?limit=0").detailsCode());
        assertEquals(400000, cloud.get(ADMIN + "/companies?format=huge").detailsCode());
    }

    @Test
    void companiesAreUpdatedPartially() {
        String id = createCompany("Old Name");
        JsonNode updated = ok(cloud.put(
                ADMIN + "/companies/" + id, Http.JSON.createObjectNode().put("name", "New Name")));
        assertEquals("New Name", updated.get("name").asText());
        assertEquals("FRA", updated.get("country").asText(), "absent keys are kept");
        assertEquals(
                400000,
                cloud.put(
                                ADMIN + "/companies/" + id,
                                Http.JSON.createObjectNode().put("status", "sleeping"))
                        .detailsCode());
    }

    @Test
    void unknownOrMalformedIdsAnswer404Or400() {
        Http.Response unknown = cloud.get(ADMIN + "/companies/0123456789abcdef01234567");
        assertEquals(404, unknown.status());
        assertEquals(404000, unknown.detailsCode());
        assertEquals("Resource Not Found", unknown.body().get("errorMsg").asText());
        assertEquals(400000, cloud.get(ADMIN + "/companies/not-an-id").detailsCode());
        assertEquals(404000, cloud.get(ADMIN + "/nothing/here").detailsCode());
    }

    @Test
    void aCompanyWithSitesCannotBeDeleted() {
        String company = createCompany("ACME");
        String site = createSite(company, "HQ");

        Http.Response refused = cloud.delete(ADMIN + "/companies/" + company);
        assertEquals(403, refused.status());
        assertEquals(403000, refused.detailsCode());

        assertEquals(200, cloud.delete(ADMIN + "/sites/" + site).status());
        Http.Response deleted = cloud.delete(ADMIN + "/companies/" + company);
        assertEquals(200, deleted.status());
        assertEquals(
                "Company " + company + " successfully deleted",
                deleted.body().get("status").asText());
        assertEquals(0, deleted.body().get("data").size());
        assertEquals(404, cloud.get(ADMIN + "/companies/" + company).status());
        assertEquals(
                403000,
                cloud.delete(ADMIN + "/companies/" + bpCompanyId).detailsCode(),
                "the account's own BP company stays");
    }

    @Test
    void sitesBelongToACompanyAndAreListedUnderIt() {
        String acme = createCompany("ACME");
        String globex = createCompany("Globex");
        String hq = createSite(acme, "HQ");
        createSite(acme, "Branch");
        createSite(globex, "Main");

        JsonNode site = ok(cloud.get(ADMIN + "/sites/" + hq));
        assertEquals(acme, site.get("companyId").asText());
        assertEquals("active", site.get("status").asText());
        assertTrue(site.at("/settings/iceServers").isArray());

        JsonNode acmeSites = cloud.get(ADMIN + "/companies/" + acme + "/sites").body();
        assertEquals(2, acmeSites.get("total").asInt());
        assertEquals(List.of("Branch", "HQ"), names(acmeSites.get("data")));
        assertEquals(
                1,
                cloud.get(ADMIN + "/sites?companyId=" + globex)
                        .body()
                        .get("total")
                        .asInt());
        assertEquals(
                404000,
                cloud.get(ADMIN + "/companies/0123456789abcdef01234567/sites").detailsCode());

        assertEquals(
                "HQ 2",
                ok(cloud.put(
                                ADMIN + "/sites/" + hq,
                                Http.JSON.createObjectNode().put("name", "HQ 2")))
                        .get("name")
                        .asText());
    }

    @Test
    void invalidSitesAreRefused() {
        String acme = createCompany("ACME");
        Http.Response badStatus = cloud.post(
                ADMIN + "/sites",
                Http.JSON
                        .createObjectNode()
                        .put("name", "HQ")
                        .put("status", "open")
                        .put("companyId", acme));
        assertEquals(400000, badStatus.detailsCode());
        assertEquals("status", badStatus.body().at("/errorDetails/0/param").asText());
        assertEquals(
                404000,
                cloud.post(
                                ADMIN + "/sites",
                                Http.JSON
                                        .createObjectNode()
                                        .put("name", "HQ")
                                        .put("status", "active")
                                        .put("companyId", "0123456789abcdef01234567"))
                        .detailsCode());
    }

    @Test
    void aSiteLinkedToASystemCannotBeDeleted() {
        String site = createSite(createCompany("ACME"), "HQ");
        String system = createSystem(system("OXE", "oxe", site)).get("id").asText();

        Http.Response refused = cloud.delete(ADMIN + "/sites/" + site);
        assertEquals(403, refused.status());
        assertEquals(403000, refused.detailsCode());

        assertEquals(200, cloud.delete(ADMIN + "/systems/" + system).status());
        assertEquals(200, cloud.delete(ADMIN + "/sites/" + site).status());
    }
}
