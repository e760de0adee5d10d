package io.pbxops.operator.cloud;

/** The outcome names the counters use (also the tag values a Micrometer implementation should use). */
public final class CloudOutcome {

    public static final String SUCCESS = "success";
    public static final String IO_ERROR = "io_error";
    public static final String RETRIED = "retried";
    /** Waited for the requests-per-second budget. */
    public static final String RATE_LIMIT_WAIT = "rate_limit_wait";
    /** Waited for a free slot of the concurrency budget. */
    public static final String CONCURRENCY_WAIT = "concurrency_wait";

    private CloudOutcome() {}

    /** {@code http_2xx}, {@code http_4xx}, {@code http_5xx}, ... */
    public static String statusClass(int httpStatus) {
        return "http_" + (httpStatus / 100) + "xx";
    }

    /** {@code error_404000}, ... for the cloud's {@code errorDetailsCode}. */
    public static String errorCode(int errorCode) {
        return "error_" + errorCode;
    }
}
