package io.pbxops.simulator.o2g;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;

/** An O2G error, answered as O2G's {@code RestErrorInfo}. */
public final class O2gException extends RuntimeException {

    private final int status;
    private final String type;
    private final String innerMessage;

    public O2gException(int status, String type, String helpMessage, String innerMessage) {
        super(helpMessage, null, false, false);
        this.status = status;
        this.type = type;
        this.innerMessage = innerMessage;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return Json.MAPPER
                .createObjectNode()
                .put("httpStatus", statusName(status))
                .put("code", status)
                .put("helpMessage", getMessage())
                .put("type", type)
                .put("innerMessage", innerMessage)
                .put("canRetry", status == 429 || status == 503);
    }

    static String statusName(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 429 -> "TOO_MANY_REQUESTS";
            case 500 -> "INTERNAL_SERVER_ERROR";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> "HTTP_" + status;
        };
    }
}
