package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * O2G's {@code RestErrorInfo}: {@code {httpStatus, code, helpMessage, type, innerMessage, canRetry}}.
 *
 * @param httpStatus the status name, e.g. {@code BAD_REQUEST}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record O2gErrorInfo(
        String httpStatus, Integer code, String helpMessage, String type, String innerMessage, Boolean canRetry) {}
