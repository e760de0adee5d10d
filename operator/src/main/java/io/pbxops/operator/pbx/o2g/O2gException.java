package io.pbxops.operator.pbx.o2g;

/**
 * Base of every O2G failure. Messages say what failed, on which gateway and object, and what O2G said; never a
 * password or an activation code.
 */
public class O2gException extends RuntimeException {

    private final int httpStatus;
    private final O2gErrorInfo error;

    public O2gException(String message, int httpStatus, O2gErrorInfo error, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** O2G's RestErrorInfo, or null when the answer had none. */
    public O2gErrorInfo error() {
        return error;
    }

    /** O2G's own hint that repeating may succeed. */
    public boolean canRetry() {
        return error != null && Boolean.TRUE.equals(error.canRetry());
    }
}
