package io.pbxops.operator.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.CompanySpec;
import io.pbxops.operator.cloud.model.CloudCompany;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Company's {@code spec.state} (ISO 3166-2, {@code US-NY}) and the cloud's {@code state} (the two-letter code the
 * cloud lists for USA and CAN, {@code NY}), both ways.
 */
class CompanyStateMappingTest {

    private static Company company(String country, String state) {
        return Serialization.unmarshal(
                "{\"apiVersion\":\"pbxops.io/v1alpha1\",\"kind\":\"Company\",\"metadata\":{\"name\":\"initech\"},"
                        + "\"spec\":{\"country\":\"" + country + "\""
                        + (state == null ? "" : ",\"state\":\"" + state + "\"") + "}}",
                Company.class);
    }

    private static CloudCompany inCloud(String country, String state) {
        return Serialization.unmarshal(
                "{\"id\":\"c1\",\"name\":\"initech\",\"country\":\"" + country + "\""
                        + (state == null ? "" : ",\"state\":\"" + state + "\"") + ",\"status\":\"active\"}",
                CloudCompany.class);
    }

    @Test
    void theCloudGetsTheSubdivisionWithoutItsCountryPrefix() {
        assertEquals("NY", CompanyMapping.desired(company("USA", "US-NY")).state());
        assertEquals("QC", CompanyMapping.desired(company("CAN", "CA-QC")).state());
        assertNull(CompanyMapping.desired(company("FRA", null)).state(), "no state: not managed");
    }

    @Test
    void aCreateSendsTheStateAndAnUpdateOnlyWhenItDiffers() {
        Changes<?> create = CompanyMapping.diff(null, company("USA", "US-NY"));
        assertTrue(create.describe().contains("state"), create::describe);

        assertTrue(CompanyMapping.diff(inCloud("USA", "NY"), company("USA", "US-NY"))
                .isEmpty());

        Changes<?> moved = CompanyMapping.diff(inCloud("USA", "NY"), company("USA", "US-TX"));
        assertEquals(List.of(new FieldChange("state", "NY", "TX")), moved.fields());
        assertEquals(
                "TX",
                CompanyMapping.diff(inCloud("USA", "NY"), company("USA", "US-TX"))
                        .update()
                        .state());
    }

    @Test
    void aSpecWithoutStateLeavesTheCloudsStateAlone() {
        assertTrue(
                CompanyMapping.diff(inCloud("FRA", "IDF"), company("FRA", null)).isEmpty());
    }

    @Test
    void exportGivesTheIsoCodeBackAndItMapsToWhatTheCloudHolds() {
        CompanySpec usa = CompanyExport.spec(inCloud("USA", "NY"), null);
        assertEquals("US-NY", usa.getState());
        assertEquals("CA-QC", CompanyExport.spec(inCloud("CAN", "QC"), null).getState());
        assertNull(CompanyExport.spec(inCloud("FRA", "IDF"), null).getState(), "the spec takes no state for France");
        assertNull(CompanyExport.spec(inCloud("USA", null), null).getState());

        Company exported = company("USA", usa.getState());
        assertTrue(CompanyMapping.diff(inCloud("USA", "NY"), exported).isEmpty(), "export, then plan: no change");
    }

    @Test
    void theDriftCheckSeesAStateChangedOutOfBand() {
        assertNotEquals(CompanyMapping.signature(inCloud("USA", "NY")), CompanyMapping.signature(inCloud("USA", "NJ")));
    }
}
