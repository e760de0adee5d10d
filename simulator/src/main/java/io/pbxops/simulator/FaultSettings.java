package io.pbxops.simulator;

import java.util.List;

/**
 * The faults injected into one API ({@link FaultTarget}). The JSON form is the body of {@code PUT /sim/v1/faults}.
 *
 * @param latencyMs           added before every answer
 * @param errorRate           share of requests answered with one of {@code errorStatuses} (seeded draw)
 * @param errorStatuses       the statuses {@code errorRate} and {@code failNext} pick from
 * @param rateLimitPerSecond  requests per second above which 429 is answered; 0 = unlimited
 * @param retryAfterSeconds   the {@code Retry-After} of every 429
 * @param tooManyRequestsNext answer the next N requests 429
 * @param dropConnectionRate  share of requests whose connection is closed with no answer
 * @param dropNext            close the connection of the next N requests with no answer
 * @param failNext            answer the next N requests with one of {@code errorStatuses}
 * @param dropAfterWriteRate  share of writes (non-GET requests) that are done, then have their connection closed with
 *                            no answer: the change is made, the client never learns it
 * @param errorAfterWriteRate share of writes (non-GET requests) that are done, then answered with one of
 *                            {@code errorStatuses} instead of their result
 * @param tokenTtlSeconds     lifetime of cloud tokens issued from now on; null = the configured lifetime (cloud only)
 */
public record FaultSettings(
        long latencyMs,
        double errorRate,
        List<Integer> errorStatuses,
        int rateLimitPerSecond,
        int retryAfterSeconds,
        int tooManyRequestsNext,
        double dropConnectionRate,
        int dropNext,
        int failNext,
        double dropAfterWriteRate,
        double errorAfterWriteRate,
        Long tokenTtlSeconds) {

    public static final List<Integer> DEFAULT_ERROR_STATUSES = List.of(500, 502, 503);

    public FaultSettings {
        errorStatuses =
                errorStatuses == null || errorStatuses.isEmpty() ? DEFAULT_ERROR_STATUSES : List.copyOf(errorStatuses);
        requireRange("latencyMs", latencyMs, 0, 600_000);
        requireShare("errorRate", errorRate);
        requireShare("dropConnectionRate", dropConnectionRate);
        requireShare("dropAfterWriteRate", dropAfterWriteRate);
        requireShare("errorAfterWriteRate", errorAfterWriteRate);
        requireRange("rateLimitPerSecond", rateLimitPerSecond, 0, Integer.MAX_VALUE);
        requireRange("retryAfterSeconds", retryAfterSeconds, 0, 3600);
        requireRange("tooManyRequestsNext", tooManyRequestsNext, 0, Integer.MAX_VALUE);
        requireRange("dropNext", dropNext, 0, Integer.MAX_VALUE);
        requireRange("failNext", failNext, 0, Integer.MAX_VALUE);
        if (tokenTtlSeconds != null) {
            requireRange("tokenTtlSeconds", tokenTtlSeconds, 1, Integer.MAX_VALUE);
        }
        for (int status : errorStatuses) {
            requireRange("errorStatuses", status, 500, 599);
        }
    }

    /** No fault at all. */
    public static FaultSettings none() {
        return new FaultSettings(0, 0, DEFAULT_ERROR_STATUSES, 0, 1, 0, 0, 0, 0, 0, 0, null);
    }

    public FaultSettings withLatencyMs(long value) {
        return new FaultSettings(
                value,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withErrorRate(double value) {
        return new FaultSettings(
                latencyMs,
                value,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withErrorStatuses(List<Integer> value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                value,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withRateLimitPerSecond(int value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                value,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withRetryAfterSeconds(int value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                value,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withTooManyRequestsNext(int value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                value,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withDropConnectionRate(double value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                value,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withDropNext(int value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                value,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withFailNext(int value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                value,
                dropAfterWriteRate,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withDropAfterWriteRate(double value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                value,
                errorAfterWriteRate,
                tokenTtlSeconds);
    }

    public FaultSettings withErrorAfterWriteRate(double value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                value,
                tokenTtlSeconds);
    }

    public FaultSettings withTokenTtlSeconds(Long value) {
        return new FaultSettings(
                latencyMs,
                errorRate,
                errorStatuses,
                rateLimitPerSecond,
                retryAfterSeconds,
                tooManyRequestsNext,
                dropConnectionRate,
                dropNext,
                failNext,
                dropAfterWriteRate,
                errorAfterWriteRate,
                value);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + value);
        }
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
        }
    }
}
