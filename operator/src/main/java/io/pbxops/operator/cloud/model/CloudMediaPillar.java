package io.pbxops.operator.cloud.model;

import static io.pbxops.operator.cloud.CloudExtensions.MP_ADDRESS;
import static io.pbxops.operator.cloud.CloudExtensions.MP_AVAILABLE_VERSION;
import static io.pbxops.operator.cloud.CloudExtensions.MP_CREATION_DATE;
import static io.pbxops.operator.cloud.CloudExtensions.MP_DEFAULT_ROUTE;
import static io.pbxops.operator.cloud.CloudExtensions.MP_ID;
import static io.pbxops.operator.cloud.CloudExtensions.MP_MAINTENANCE;
import static io.pbxops.operator.cloud.CloudExtensions.MP_NAME;
import static io.pbxops.operator.cloud.CloudExtensions.MP_PBX_ID;
import static io.pbxops.operator.cloud.CloudExtensions.MP_RUNNING_VERSION;
import static io.pbxops.operator.cloud.CloudExtensions.MP_STATE;
import static io.pbxops.operator.cloud.CloudExtensions.MP_SYSTEM_ID;
import static io.pbxops.operator.cloud.CloudExtensions.MP_TARGET_VERSION;
import static io.pbxops.operator.cloud.CloudExtensions.MP_TYPE;
import static io.pbxops.operator.cloud.CloudExtensions.MP_VOICE_CHANNELS;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A WebRTC gateway ("media pillar") as the invented admin API returns it (EXTENSIONS.md §1.2).
 *
 * @param type {@code cloud}, {@code internal} or {@code external} ({@code CloudExtensions.MP_TYPE_*})
 * @param state {@code online}, {@code upgrading}, {@code maintenance} ({@code CloudExtensions.MP_STATE_*})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudMediaPillar(
        @JsonProperty(MP_ID) String id,
        @JsonProperty(MP_PBX_ID) String pbxId,
        @JsonProperty(MP_SYSTEM_ID) String systemId,
        @JsonProperty(MP_NAME) String name,
        @JsonProperty(MP_TYPE) String type,
        @JsonProperty(MP_ADDRESS) String address,
        @JsonProperty(MP_VOICE_CHANNELS) Integer voiceChannels,
        @JsonProperty(MP_RUNNING_VERSION) String runningVersion,
        @JsonProperty(MP_AVAILABLE_VERSION) String availableVersion,
        @JsonProperty(MP_TARGET_VERSION) String targetVersion,
        @JsonProperty(MP_STATE) String state,
        @JsonProperty(MP_MAINTENANCE) Boolean maintenance,
        @JsonProperty(MP_DEFAULT_ROUTE) Boolean defaultRoute,
        @JsonProperty(MP_CREATION_DATE) Instant creationDate) {}
