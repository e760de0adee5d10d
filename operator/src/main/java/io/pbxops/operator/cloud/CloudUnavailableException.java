package io.pbxops.operator.cloud;

/**
 * The cloud could not be reached or kept refusing for a while (429, 5xx, I/O errors) and the retries ran out, or
 * the budget had no room within its wait limit. The caller should try again later.
 *
 * <p>When {@link #outcomeUnknown()} is true, a non-idempotent call (a create) may have been applied: look the object
 * up by its natural key before creating it again.
 */
public class CloudUnavailableException extends CloudException {

    private final boolean outcomeUnknown;

    public CloudUnavailableException(
            String message,
            String endpoint,
            int httpStatus,
            Integer errorCode,
            boolean outcomeUnknown,
            Throwable cause) {
        super(message, endpoint, httpStatus, errorCode, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
