package io.pbxops.operator.pbx.o2g;

/** O2G or its PBX cannot be reached (503 "PBX is not connected", or neither the primary nor the standby answers): try again later. */
public class O2gUnavailableException extends O2gException {

    public O2gUnavailableException(String message, int httpStatus, O2gErrorInfo error, Throwable cause) {
        super(message, httpStatus, error, cause);
    }
}
