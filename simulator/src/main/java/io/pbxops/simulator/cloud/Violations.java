package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pbxops.simulator.support.Json;

/** Collects the {@code {param, msg, value}} entries of one 400000 answer. */
final class Violations {

    private final ArrayNode entries = Json.MAPPER.createArrayNode();

    void add(String param, String msg, Object value) {
        entries.addObject().put("param", param).put("msg", msg).set("value", Json.MAPPER.valueToTree(value));
    }

    void check(boolean ok, String param, String msg, Object value) {
        if (!ok) {
            add(param, msg, value);
        }
    }

    void throwIfAny() {
        if (!entries.isEmpty()) {
            throw new CloudException(400, 400000, entries);
        }
    }
}
