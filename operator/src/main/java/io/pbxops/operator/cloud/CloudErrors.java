package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.CloudError;
import io.pbxops.operator.cloud.model.ErrorDetail;
import java.util.List;
import java.util.stream.Collectors;

/** Turns an error answer into the exception type that says what it means. */
final class CloudErrors {

    private CloudErrors() {}

    static CloudException toException(CloudCall call, CloudResponse response) {
        int status = response.status();
        CloudError error = response.error();
        Integer code = response.errorCode();
        String message = call.redact("Cannot " + call.action() + ": " + describe(status, error));
        String endpoint = call.endpoint();
        return switch (status) {
            case 400 ->
                new CloudInvalidRequestException(
                        message, endpoint, status, code, error == null ? List.of() : error.detailItems());
            case 403 -> new CloudForbiddenException(message, endpoint, status, code);
            case 404 -> new CloudNotFoundException(message, endpoint, status, code);
            case 409 -> new CloudConflictException(message, endpoint, status, code);
            case 429, 500, 502, 503, 504 ->
                new CloudUnavailableException(
                        message, endpoint, status, code, !call.idempotent() && status != 429, null);
            default -> new CloudException(message, endpoint, status, code);
        };
    }

    /**
     * "404 Resource Not Found, 404000: System with id X does not exist." Validation details are given as
     * {@code param: msg}; their {@code value} is left out because it may be a secret.
     */
    static String describe(int status, CloudError error) {
        StringBuilder text = new StringBuilder().append(status);
        if (error == null) {
            return text.toString();
        }
        if (error.errorMsg() != null) {
            text.append(' ').append(error.errorMsg());
        }
        if (error.errorDetailsCode() != null) {
            text.append(", ").append(error.errorDetailsCode());
        }
        String details = error.detailsText();
        List<ErrorDetail> items = error.detailItems();
        if (details != null) {
            text.append(": ").append(details);
        } else if (!items.isEmpty()) {
            text.append(": ")
                    .append(items.stream()
                            .map(item -> item.param() + ": " + item.msg())
                            .collect(Collectors.joining("; ")));
        }
        return text.toString();
    }
}
