package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.ErrorDetail;
import java.util.List;

/** The cloud rejected what was sent (400, e.g. 400000 with one {@link ErrorDetail} per invalid parameter). */
public class CloudInvalidRequestException extends CloudException {

    private final List<ErrorDetail> details;

    public CloudInvalidRequestException(
            String message, String endpoint, int httpStatus, Integer errorCode, List<ErrorDetail> details) {
        super(message, endpoint, httpStatus, errorCode);
        this.details = List.copyOf(details);
    }

    /** The invalid parameters and why; the {@code value} each holds may be a secret: do not log it. */
    public List<ErrorDetail> details() {
        return details;
    }
}
