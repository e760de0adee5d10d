package io.pbxops.operator.cloud;

import java.time.Duration;

/**
 * How transient failures are retried: exponential backoff from {@code initialDelay} to {@code maxDelay} with a
 * {@code jitterFactor} (0.25 = ±25 %), at most {@code maxRetries} retries and at most {@code maxDuration} in all (a
 * {@code Retry-After} longer than what is left is cut short, and no retry starts after it).
 */
public record CloudRetrySettings(
        Duration initialDelay, Duration maxDelay, double jitterFactor, int maxRetries, Duration maxDuration) {

    public CloudRetrySettings {
        if (jitterFactor < 0 || jitterFactor >= 1) {
            throw new IllegalArgumentException("jitterFactor must be in [0, 1)");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /** 0.5 s doubling to 30 s, ±25 % jitter, 6 retries, 2 minutes in all. */
    public static CloudRetrySettings defaults() {
        return new CloudRetrySettings(Duration.ofMillis(500), Duration.ofSeconds(30), 0.25, 6, Duration.ofMinutes(2));
    }

    /** No retry at all (diagnostics). */
    public static CloudRetrySettings none() {
        return new CloudRetrySettings(Duration.ofMillis(1), Duration.ofMillis(2), 0, 0, Duration.ofSeconds(1));
    }
}
