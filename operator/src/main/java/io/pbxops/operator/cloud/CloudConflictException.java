package io.pbxops.operator.cloud;

/** The cloud's state forbids the change (409, e.g. 409000 duplicate pbxId, or the last site link of a system). */
public class CloudConflictException extends CloudException {

    public CloudConflictException(String message, String endpoint, int httpStatus, Integer errorCode) {
        super(message, endpoint, httpStatus, errorCode);
    }
}
