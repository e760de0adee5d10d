package io.pbxops.operator.cloud;

/** The object does not exist (404, e.g. 404000 unknown system, 404030 unknown media pillar). */
public class CloudNotFoundException extends CloudException {

    public CloudNotFoundException(String message, String endpoint, int httpStatus, Integer errorCode) {
        super(message, endpoint, httpStatus, errorCode);
    }
}
