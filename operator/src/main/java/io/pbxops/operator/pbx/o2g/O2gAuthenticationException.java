package io.pbxops.operator.pbx.o2g;

/** O2G refused the login (the account or password is wrong, or not an admin). */
public class O2gAuthenticationException extends O2gException {

    public O2gAuthenticationException(String message, int httpStatus, O2gErrorInfo error, Throwable cause) {
        super(message, httpStatus, error, cause);
    }
}
