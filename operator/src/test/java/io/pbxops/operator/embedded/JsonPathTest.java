package io.pbxops.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    private final JsonNode pbx = read("""
            {"spec":{"type":"OXOConnect"},
             "status":{"companies":2,"conditions":[{"type":"Synced","status":"True"},{"type":"Ready","status":"False","reason":"AwaitingActivation"}]}}""");

    @Test
    void printerColumnPathsFindTheirValues() {
        assertEquals("OXOConnect", JsonPath.parse(".spec.type").find(pbx).get(0).asText());
        assertEquals(2, JsonPath.parse(".status.companies").find(pbx).get(0).asInt());
        assertEquals(
                "False",
                JsonPath.parse(".status.conditions[?(@.type==\"Ready\")].status")
                        .find(pbx)
                        .get(0)
                        .asText());
        assertEquals(
                "AwaitingActivation",
                JsonPath.parse("{.status.conditions[1].reason}")
                        .find(pbx)
                        .get(0)
                        .asText());
        assertEquals(2, JsonPath.parse(".status.conditions[*].type").find(pbx).size());
    }

    @Test
    void aMissingValueIsNothingRatherThanAnError() {
        assertTrue(JsonPath.parse(".status.equipmentId").find(pbx).isEmpty());
        assertTrue(JsonPath.parse(".status.conditions[?(@.type==\"Connected\")].status")
                .find(pbx)
                .isEmpty());
        assertTrue(JsonPath.parse(".spec.type[0]").find(pbx).isEmpty());
    }

    @Test
    void agesReadLikeKubectls() {
        assertEquals("45s", TableConverter.humanDuration(Duration.ofSeconds(45)));
        assertEquals("5m12s", TableConverter.humanDuration(Duration.ofSeconds(312)));
        assertEquals("42m", TableConverter.humanDuration(Duration.ofMinutes(42)));
        assertEquals("3h4m", TableConverter.humanDuration(Duration.ofMinutes(184)));
        assertEquals("2d5h", TableConverter.humanDuration(Duration.ofHours(53)));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
