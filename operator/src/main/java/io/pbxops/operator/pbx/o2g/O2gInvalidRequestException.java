package io.pbxops.operator.pbx.o2g;

/** O2G rejected what was sent (400): an unknown attribute, a bad enumeration value. */
public class O2gInvalidRequestException extends O2gException {

    public O2gInvalidRequestException(String message, int httpStatus, O2gErrorInfo error, Throwable cause) {
        super(message, httpStatus, error, cause);
    }
}
