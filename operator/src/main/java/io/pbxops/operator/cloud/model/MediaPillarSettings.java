package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.MP_ADDRESS;
import static io.pbxops.operator.cloud.CloudExtensions.MP_DEFAULT_ROUTE;
import static io.pbxops.operator.cloud.CloudExtensions.MP_MAINTENANCE;
import static io.pbxops.operator.cloud.CloudExtensions.MP_NAME;
import static io.pbxops.operator.cloud.CloudExtensions.MP_SOFTWARE_VERSION;
import static io.pbxops.operator.cloud.CloudExtensions.MP_VOICE_CHANNELS;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The gateway settings that can be written at creation and later: the body of the invented
 * {@code PUT /x-pbxops/mediapillars/{id}} (partial: null fields are not sent) and the common part of
 * {@link NewMediaPillar}.
 *
 * @param softwareVersion a catalogue version or {@code latest}; write-only (reads show running/target versions)
 * @param defaultRoute at most one default gateway per company: setting it here clears it on the others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaPillarSettings(
        @JsonProperty(MP_NAME) String name,
        @JsonProperty(MP_ADDRESS) String address,
        @JsonProperty(MP_VOICE_CHANNELS) Integer voiceChannels,
        @JsonProperty(MP_SOFTWARE_VERSION) String softwareVersion,
        @JsonProperty(MP_MAINTENANCE) Boolean maintenance,
        @JsonProperty(MP_DEFAULT_ROUTE) Boolean defaultRoute) {

    public static MediaPillarSettings none() {
        return new MediaPillarSettings(null, null, null, null, null, null);
    }

    public MediaPillarSettings withName(String value) {
        return new MediaPillarSettings(value, address, voiceChannels, softwareVersion, maintenance, defaultRoute);
    }

    public MediaPillarSettings withAddress(String value, Integer channels) {
        return new MediaPillarSettings(name, value, channels, softwareVersion, maintenance, defaultRoute);
    }

    public MediaPillarSettings withSoftwareVersion(String value) {
        return new MediaPillarSettings(name, address, voiceChannels, value, maintenance, defaultRoute);
    }

    public MediaPillarSettings withMaintenance(Boolean value) {
        return new MediaPillarSettings(name, address, voiceChannels, softwareVersion, value, defaultRoute);
    }

    public MediaPillarSettings withDefaultRoute(Boolean value) {
        return new MediaPillarSettings(name, address, voiceChannels, softwareVersion, maintenance, value);
    }
}
