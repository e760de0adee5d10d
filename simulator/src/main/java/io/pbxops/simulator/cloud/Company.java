package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;

/** A company of the cloud. */
final class Company {

    String id;
    CompanySettings settings;
    String bpId;
    String creationDate;
    String statusUpdatedDate;

    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode().put("id", id);
        json.setAll((ObjectNode) Json.MAPPER.valueToTree(settings));
        json.put("bpId", bpId);
        json.put("creationDate", creationDate);
        json.put("statusUpdatedDate", statusUpdatedDate);
        return json;
    }
}
