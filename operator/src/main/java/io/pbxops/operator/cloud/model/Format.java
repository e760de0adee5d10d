package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much of an object the cloud returns ({@code format} query parameter). */
public enum Format {
    /** Only the identity: for systems {@code id, pbxId, version}. */
    SMALL,
    /** Identity plus name, serial number and status. */
    MEDIUM,
    /** Everything, including the {@code x-pbxops} extension. */
    FULL;

    /** The query-string value. */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
