package io.pbxops.operator.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.cloud.model.CloudError;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An answer of the cloud: status, body, the parsed error envelope for non-2xx answers (null when the body is not
 * one), and the {@code Retry-After} delay when given.
 */
record CloudResponse(int status, byte[] body, CloudError error, Duration retryAfter) {

    static CloudResponse of(HttpResponse<byte[]> response, ObjectMapper json, Clock clock) {
        int status = response.statusCode();
        byte[] body = response.body() == null ? new byte[0] : response.body();
        CloudError error = isSuccess(status) ? null : parseError(body, json);
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .flatMap(value -> parseRetryAfter(value, clock))
                .orElse(null);
        return new CloudResponse(status, body, error, retryAfter);
    }

    boolean isSuccess() {
        return isSuccess(status);
    }

    Integer errorCode() {
        return error == null ? null : error.errorDetailsCode();
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static CloudError parseError(byte[] body, ObjectMapper json) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, CloudError.class);
        } catch (IOException e) {
            return null; // not an envelope (a proxy's HTML page): the status alone says what happened
        }
    }

    /** Seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "CloudResponse[status=" + status + ", errorCode=" + errorCode() + "]";
    }
}
