package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;

/** The cloud's success bodies: {@code {data: ...}} for one object, {@code {status, data: []}} for a delete. */
final class Answers {

    private Answers() {}

    static ObjectNode status(String status) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", status);
        body.putArray("data");
        return body;
    }

    static ObjectNode data(ObjectNode data) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("data", data);
        return body;
    }
}
