package io.pbxops.operator.cloud;

/**
 * What the cloud client counts, per endpoint (method and path template, e.g. {@code GET /systems/{systemId}}).
 * Every HTTP attempt is counted, retries and logins included. A Micrometer implementation maps each call to a
 * counter tagged with the endpoint and {@link CloudOutcome outcome}.
 *
 * <p>Implementations must be thread-safe and fast: they are called on the request path.
 */
public interface CloudMetrics {

    /** One answer arrived: status and, for errors, the cloud's {@code errorDetailsCode} (null when absent). */
    void response(String endpoint, int httpStatus, Integer errorCode);

    /** An attempt failed without an answer (connection refused or reset, timeout). */
    void ioError(String endpoint);

    /** An attempt is a retry of a failed one. */
    void retried(String endpoint);

    /** An attempt had to wait for the budget: {@link CloudOutcome#RATE_LIMIT_WAIT} or {@link CloudOutcome#CONCURRENCY_WAIT}. */
    void waited(String endpoint, String waitOutcome);

    /** Counts in both. */
    static CloudMetrics both(CloudMetrics first, CloudMetrics second) {
        return new CloudMetrics() {
            @Override
            public void response(String endpoint, int httpStatus, Integer errorCode) {
                first.response(endpoint, httpStatus, errorCode);
                second.response(endpoint, httpStatus, errorCode);
            }

            @Override
            public void ioError(String endpoint) {
                first.ioError(endpoint);
                second.ioError(endpoint);
            }

            @Override
            public void retried(String endpoint) {
                first.retried(endpoint);
                second.retried(endpoint);
            }

            @Override
            public void waited(String endpoint, String waitOutcome) {
                first.waited(endpoint, waitOutcome);
                second.waited(endpoint, waitOutcome);
            }
        };
    }

    /** Counts nothing. */
    static CloudMetrics none() {
        return new CloudMetrics() {
            @Override
            public void response(String endpoint, int httpStatus, Integer errorCode) {}

            @Override
            public void ioError(String endpoint) {}

            @Override
            public void retried(String endpoint) {}

            @Override
            public void waited(String endpoint, String waitOutcome) {}
        };
    }
}
