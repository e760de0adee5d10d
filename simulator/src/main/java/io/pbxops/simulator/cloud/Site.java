package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;
import java.text.Normalizer;

/** A site of a company; systems are linked to sites. */
final class Site {

    String id;
    SiteSettings settings;
    boolean isCentrex;
    String creationDate;
    String statusUpdatedDate;

    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode().put("id", id);
        json.setAll((ObjectNode) Json.MAPPER.valueToTree(settings));
        json.put(
                "latin_name",
                Normalizer.normalize(settings.name(), Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
        json.put("isCentrex", isCentrex);
        json.put("creationDate", creationDate);
        json.put("statusUpdatedDate", statusUpdatedDate);
        json.putObject("settings").putArray("iceServers");
        return json;
    }
}
