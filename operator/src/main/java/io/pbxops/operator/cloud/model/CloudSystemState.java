package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.CHANNEL_DOWN;
import static io.pbxops.operator.cloud.CloudExtensions.CHANNEL_UP;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /systems/{systemId}/state}: {@code small} gives {@code connection}; {@code medium} gives
 * {@code conf, csta, http}; {@code full} adds {@code xmpp}. Values are {@code "up"}/{@code "down"} (assumed,
 * EXTENSIONS.md §1.3).
 *
 * @param timestamp Unix time of the observation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudSystemState(
        Long timestamp,
        String connection,
        String xmpp,
        String conf,
        String csta,
        String http,
        List<ConnectionEvent> connectionHistory) {

    /** The channels this answer reports, by name, with their values as the cloud gave them. */
    public Map<String, String> channels() {
        Map<String, String> channels = new LinkedHashMap<>();
        if (connection != null) {
            channels.put("connection", connection);
        }
        if (xmpp != null) {
            channels.put("xmpp", xmpp);
        }
        if (conf != null) {
            channels.put("conf", conf);
        }
        if (csta != null) {
            channels.put("csta", csta);
        }
        if (http != null) {
            channels.put("http", http);
        }
        return channels;
    }

    /** The channels reported down, in a value this operator recognises ({@code "down"}). */
    public List<String> down() {
        return channels().entrySet().stream()
                .filter(e -> CHANNEL_DOWN.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The channels whose value this operator does not recognise (the contract says "string", not which): shown as
     * they are, never taken for a channel down.
     */
    public Map<String, String> unrecognised() {
        Map<String, String> unknown = new LinkedHashMap<>();
        channels().forEach((name, value) -> {
            if (!CHANNEL_UP.equals(value) && !CHANNEL_DOWN.equals(value)) {
                unknown.put(name, value);
            }
        });
        return unknown;
    }
}
