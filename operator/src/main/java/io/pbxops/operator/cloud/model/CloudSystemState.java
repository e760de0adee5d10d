package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.CHANNEL_UP;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

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

    /**
     * True when every channel this answer reports is up ({@code connection} for {@code small}, the channels for the
     * other formats); false when one is down or none is reported.
     */
    public boolean allUp() {
        List<String> reported = Stream.of(connection, xmpp, conf, csta, http)
                .filter(Objects::nonNull)
                .toList();
        return !reported.isEmpty() && reported.stream().allMatch(CHANNEL_UP::equals);
    }
}
