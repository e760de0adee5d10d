package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.MP_SYSTEM_ID;
import static io.pbxops.operator.cloud.CloudExtensions.MP_TYPE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * The body of the invented {@code POST /x-pbxops/mediapillars} (EXTENSIONS.md §1.2). Create-only: {@code systemId}
 * and {@code type}. An {@code external} gateway needs {@code address} and {@code voiceChannels} (1..1000); an
 * {@code internal} one only exists on OXO Connect Evolution; the system must have {@code x-pbxops.webRtc.enabled}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewMediaPillar(
        @JsonProperty(MP_SYSTEM_ID) String systemId,
        @JsonProperty(MP_TYPE) String type,
        @JsonUnwrapped MediaPillarSettings settings) {

    public NewMediaPillar {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(type, "type");
        settings = settings == null ? MediaPillarSettings.none() : settings;
    }
}
