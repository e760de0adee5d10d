package io.pbxops.operator.cloud;

/** A credentials source lacks a value. The message names what is missing and where, never a value. */
public class CloudCredentialsMissingException extends CloudException {

    public CloudCredentialsMissingException(String message) {
        super(message, null, 0, null);
    }
}
