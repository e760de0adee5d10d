package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side printing, as a real API server does it for {@code kubectl get}: a list (or one object) becomes a
 * {@code meta.k8s.io/v1} Table whose columns are the CRD's printer columns, so {@code kubectl get pbx -o wide} shows
 * Type, Connection, Ready, ... instead of only the name and age.
 */
final class TableConverter {

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private final Clock clock;

    TableConverter(Clock clock) {
        this.clock = clock;
    }

    /** Whether the client asked for a Table ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}). */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    JsonNode toTable(ServedResource resource, JsonNode listOrObject) {
        ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode metadata = table.putObject("metadata");
        if (listOrObject.at("/metadata/resourceVersion").isTextual()) {
            metadata.put(
                    "resourceVersion",
                    listOrObject.at("/metadata/resourceVersion").asText());
        }
        ArrayNode definitions = table.putArray("columnDefinitions");
        definitions
                .addObject()
                .put("name", "Name")
                .put("type", "string")
                .put("format", "name")
                .put("description", "The object's name.")
                .put("priority", 0);
        for (ServedResource.Column column : resource.columns()) {
            definitions
                    .addObject()
                    .put("name", column.name())
                    .put("type", column.type().equals("date") ? "string" : column.type())
                    .put("format", "")
                    .put("description", column.description())
                    .put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        List<JsonNode> objects = listOrObject.has("items") ? list(listOrObject.get("items")) : List.of(listOrObject);
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(object.at("/metadata/name").asText());
            for (ServedResource.Column column : resource.columns()) {
                cells.add(cell(column, object));
            }
            ObjectNode partial =
                    row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", object.path("metadata").deepCopy());
        }
        return table;
    }

    private JsonNode cell(ServedResource.Column column, JsonNode object) {
        if (ServedResource.DATA_COUNT.equals(column.jsonPath())) {
            return JSON.getNodeFactory()
                    .numberNode(object.path("data").size()
                            + object.path("stringData").size());
        }
        if (ServedResource.INVOLVED_OBJECT.equals(column.jsonPath())) {
            JsonNode involved = object.path("involvedObject");
            return JSON.getNodeFactory()
                    .textNode(involved.path("kind").asText("").toLowerCase() + "/"
                            + involved.path("name").asText(""));
        }
        List<JsonNode> values = JsonPath.parse(column.jsonPath()).find(object);
        if (values.isEmpty()) {
            return JSON.getNodeFactory().nullNode();
        }
        JsonNode value = values.get(0);
        if (column.type().equals("date") && value.isTextual()) {
            return JSON.getNodeFactory().textNode(age(value.asText()));
        }
        if (value.isContainerNode()) {
            return JSON.getNodeFactory().textNode(value.toString());
        }
        return value;
    }

    private String age(String timestamp) {
        try {
            return humanDuration(Duration.between(Instant.parse(timestamp), clock.instant()));
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
    }

    /** kubectl's short durations: 45s, 5m12s, 3h4m, 2d5h, ... */
    static String humanDuration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + (seconds % 60) + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + (minutes % 60) + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + (hours % 24) + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long days = hours / 24;
        return days / 365 + "y" + (days % 365 == 0 ? "" : days % 365 + "d");
    }

    private static List<JsonNode> list(JsonNode items) {
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }
}
