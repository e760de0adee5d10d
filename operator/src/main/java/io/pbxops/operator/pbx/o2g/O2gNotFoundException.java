package io.pbxops.operator.pbx.o2g;

/** The node, object or instance does not exist (404). */
public class O2gNotFoundException extends O2gException {

    public O2gNotFoundException(String message, int httpStatus, O2gErrorInfo error, Throwable cause) {
        super(message, httpStatus, error, cause);
    }
}
