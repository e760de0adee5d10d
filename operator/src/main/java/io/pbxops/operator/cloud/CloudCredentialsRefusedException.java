package io.pbxops.operator.cloud;

/**
 * The cloud refused the login (401500 wrong credentials, 401501 account locked, or another 401), or the login guard
 * holds further attempts back because the same credentials were already refused
 * {@value LoginGuard#MAX_REFUSED_LOGINS} times in a row. Nothing will be tried again until the credentials change:
 * the cloud locks the account after 5 failures.
 */
public class CloudCredentialsRefusedException extends CloudException {

    private final boolean suspended;

    public CloudCredentialsRefusedException(
            String message, String endpoint, int httpStatus, Integer errorCode, boolean suspended) {
        super(message, endpoint, httpStatus, errorCode);
        this.suspended = suspended;
    }

    /** True when no login is attempted any more until the credentials change. */
    public boolean suspended() {
        return suspended;
    }
}
