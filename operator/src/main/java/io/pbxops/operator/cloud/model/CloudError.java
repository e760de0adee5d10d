package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The cloud's error envelope: {@code {errorCode, errorMsg, errorDetails, errorDetailsCode}}.
 *
 * @param errorCode the HTTP status again
 * @param errorMsg the status text ("Resource Not Found", ...)
 * @param errorDetails a string, a list of {@link ErrorDetail} (validation), or an object
 * @param errorDetailsCode the six-digit code that says what went wrong (404000, 409000, 403030, ...), may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudError(Integer errorCode, String errorMsg, JsonNode errorDetails, Integer errorDetailsCode) {

    /** The {@code errorDetails} when it is a text, else null. */
    public String detailsText() {
        return errorDetails != null && errorDetails.isTextual() ? errorDetails.asText() : null;
    }

    /** The validation items of {@code errorDetails} when it is a list, else an empty list. */
    public List<ErrorDetail> detailItems() {
        List<ErrorDetail> items = new ArrayList<>();
        if (errorDetails != null && errorDetails.isArray()) {
            for (JsonNode item : errorDetails) {
                if (item.isObject()) {
                    items.add(new ErrorDetail(text(item, "param"), text(item, "msg"), item.get("value")));
                }
            }
        }
        return List.copyOf(items);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
