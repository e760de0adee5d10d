package io.pbxops.operator.cloud;

/**
 * Refused by a rule or a right (403, e.g. 403030 system still has a WebRTC gateway, 403040 WebRTC not activated,
 * 403301 not the admin of that object).
 */
public class CloudForbiddenException extends CloudException {

    public CloudForbiddenException(String message, String endpoint, int httpStatus, Integer errorCode) {
        super(message, endpoint, httpStatus, errorCode);
    }
}
