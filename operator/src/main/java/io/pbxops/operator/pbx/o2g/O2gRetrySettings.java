package io.pbxops.operator.pbx.o2g;

import java.time.Duration;
import java.util.Objects;

/**
 * How an O2G call is repeated after a passing failure (a 5xx, a dropped connection, no O2G reachable): exponential
 * backoff from {@code initialDelay} to {@code maxDelay} with a {@code jitterFactor} (0.25 = ±25 %), at most
 * {@code maxRetries} retries and none started after {@code maxDuration}.
 */
public record O2gRetrySettings(
        Duration initialDelay, Duration maxDelay, double jitterFactor, int maxRetries, Duration maxDuration) {

    public O2gRetrySettings {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("initialDelay must be > 0 and <= maxDelay");
        }
        if (jitterFactor < 0 || jitterFactor >= 1) {
            throw new IllegalArgumentException("jitterFactor must be in [0, 1)");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    /**
     * 200 ms doubling to 2 s, ±25 % jitter, 4 retries, 10 s in all: an O2G is on the PBX's network, and a reconcile
     * thread waits meanwhile, so the bound is tighter than the cloud's.
     */
    public static O2gRetrySettings defaults() {
        return new O2gRetrySettings(Duration.ofMillis(200), Duration.ofSeconds(2), 0.25, 4, Duration.ofSeconds(10));
    }

    /** No retry: a passing failure fails the call at once. */
    public static O2gRetrySettings none() {
        return new O2gRetrySettings(Duration.ofMillis(1), Duration.ofMillis(1), 0, 0, Duration.ofSeconds(1));
    }
}
