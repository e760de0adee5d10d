package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Http;
import org.junit.jupiter.api.Test;

/** {@link PublicApiTest} on the default profile, and what it takes that {@link DocumentedProfileTest} refuses. */
class PublicApiExtendedTest extends PublicApiTest {

    @Override
    protected CloudContract contract() {
        return CloudContract.EXTENDED;
    }

    @Test
    void theExtendedProfileTakesWhatTheDocumentedOneRefuses() {
        String company = createCompany("ACME");
        String site = createSite(company, "HQ");
        assertEquals(
                "Head office",
                ok(cloud.put(
                                ADMIN + "/sites/" + site,
                                Http.JSON.createObjectNode().put("name", "Head office")))
                        .get("name")
                        .asText(),
                "a site renamed without its companyId");

        ObjectNode body = system("OXE", "oxe", site);
        body.putArray("pbxNumberingTranslator")
                .addObject()
                .put("regexpMatch", "^0(\\d{9})$")
                .put("regexpReplace", "+33$1");
        body.putObject("x-pbxops").put("installationNumber", "+33123456789");
        ObjectNode created = (ObjectNode) createSystem(body);
        assertEquals(
                "^0(\\d{9})$",
                created.at("/pbxNumberingTranslator/0/regexpMatch").asText());
        assertEquals("+33123456789", created.at("/x-pbxops/installationNumber").asText());

        assertEquals(
                200,
                cloud.get(ADMIN + "/x-pbxops/mediapillars?systemId="
                                + created.get("id").asText())
                        .status());
        assertEquals(
                "US-NY",
                ok(cloud.post(
                                ADMIN + "/companies",
                                Http.JSON
                                        .createObjectNode()
                                        .put("name", "Initech")
                                        .put("country", "USA")
                                        .put("state", "US-NY")))
                        .get("state")
                        .asText(),
                "any state value");
    }
}
