package io.pbxops.operator.cloud;

/**
 * Base of every failure of a cloud call. Messages are for people: what failed, on which object id, and what the
 * cloud said; never a token, password, activation code or request body.
 */
public class CloudException extends RuntimeException {

    private final String endpoint;
    private final int httpStatus;
    private final Integer errorCode;

    public CloudException(String message, String endpoint, int httpStatus, Integer errorCode) {
        this(message, endpoint, httpStatus, errorCode, null);
    }

    public CloudException(String message, String endpoint, int httpStatus, Integer errorCode, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The call as method and path template, e.g. {@code DELETE /systems/{systemId}}; null when no call was made. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status of the answer, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The cloud's six-digit {@code errorDetailsCode} (404000, 409000, 403030, ...), or null. */
    public Integer errorCode() {
        return errorCode;
    }
}
