package io.pbxops.simulator;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The connection channels a cloud system reports in {@code GET /systems/{id}/state}. */
public enum Channel {
    XMPP,
    CONF,
    CSTA,
    HTTP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Unknown channel '" + name + "', expected xmpp, conf, csta or http");
    }
}
