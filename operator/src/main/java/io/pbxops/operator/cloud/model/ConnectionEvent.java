package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One entry of a system's {@code connectionHistory} (only with {@code ?connectionHistory=true}).
 * The {@code eventType} values are assumed (EXTENSIONS.md §1.3): see {@code CloudExtensions.EVENT_*}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionEvent(String eventType, Instant eventDate) {}
