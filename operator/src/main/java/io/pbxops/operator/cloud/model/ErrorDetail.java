package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of a validation error's {@code errorDetails}: {@code {param, msg, value}}.
 *
 * <p>{@code value} echoes what was sent, so it may be a secret (an activation code): {@link #toString()} leaves it
 * out, and so do exception messages.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(String param, String msg, JsonNode value) {

    @Override
    public String toString() {
        return "ErrorDetail[param=" + param + ", msg=" + msg + "]";
    }
}
