package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;

/**
 * A cloud API error, answered as the cloud's envelope {@code {errorCode, errorMsg, errorDetails, errorDetailsCode}}.
 * {@code details} is a string, an array of {@code {param, msg, value}} or an object, as the real API does.
 */
public final class CloudException extends RuntimeException {

    private final int status;
    private final int detailsCode;
    private final JsonNode details;

    public CloudException(int status, int detailsCode, JsonNode details) {
        super(details.isTextual() ? details.asText() : details.toString(), null, false, false);
        this.status = status;
        this.detailsCode = detailsCode;
        this.details = details;
    }

    public CloudException(int status, int detailsCode, String details) {
        this(status, detailsCode, Json.MAPPER.getNodeFactory().textNode(details));
    }

    /** 400000 with one {@code {param, msg, value}} entry. */
    public static CloudException invalid(String param, String msg, Object value) {
        ArrayNode details = Json.MAPPER.createArrayNode();
        details.addObject().put("param", param).put("msg", msg).set("value", Json.MAPPER.valueToTree(value));
        return new CloudException(400, 400000, details);
    }

    public static CloudException notFound(String message) {
        return new CloudException(404, 404000, message);
    }

    public int status() {
        return status;
    }

    public ObjectNode envelope() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("errorCode", status);
        body.put("errorMsg", reason(status));
        body.set("errorDetails", details);
        body.put("errorDetailsCode", detailsCode);
        return body;
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Resource Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
