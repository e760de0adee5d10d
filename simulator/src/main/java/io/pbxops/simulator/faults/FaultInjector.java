package io.pbxops.simulator.faults;

import io.pbxops.simulator.FaultSettings;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The faults of one API and the decision, request by request, of what to do with them. Draws come from a seeded
 * generator so that a sequential run is reproducible.
 */
public final class FaultInjector {

    /** What to do with one request. */
    public enum Outcome {
        PASS,
        DROP,
        TOO_MANY_REQUESTS,
        FAIL
    }

    /** The decision for one request: wait {@code latencyMs}, then act; {@code status} is set for FAIL. */
    public record Decision(long latencyMs, Outcome outcome, int status, int retryAfterSeconds) {}

    private final FaultSettings initial;
    private final long seed;
    private Random random;
    private FaultSettings settings;
    private double tokens;
    private long lastRefillNanos = System.nanoTime();

    public FaultInjector(FaultSettings initial, long seed) {
        this.initial = initial;
        this.seed = seed;
        reset();
    }

    public synchronized FaultSettings settings() {
        return settings;
    }

    public synchronized void update(UnaryOperator<FaultSettings> change) {
        FaultSettings changed = change.apply(settings);
        if (changed.rateLimitPerSecond() != settings.rateLimitPerSecond()) {
            tokens = changed.rateLimitPerSecond();
        }
        settings = changed;
    }

    /** Back to the faults the simulator was started with, and to the start of the seeded draws. */
    public synchronized void reset() {
        settings = initial;
        random = new Random(seed);
        tokens = initial.rateLimitPerSecond();
        lastRefillNanos = System.nanoTime();
    }

    /** Decides the fate of one request, consuming the {@code *Next} counters. */
    public synchronized Decision decide() {
        FaultSettings s = settings;
        long latency = s.latencyMs();
        if (s.dropNext() > 0) {
            settings = s.withDropNext(s.dropNext() - 1);
            return new Decision(latency, Outcome.DROP, 0, 0);
        }
        if (s.dropConnectionRate() > 0 && random.nextDouble() < s.dropConnectionRate()) {
            return new Decision(latency, Outcome.DROP, 0, 0);
        }
        if (s.tooManyRequestsNext() > 0) {
            settings = s.withTooManyRequestsNext(s.tooManyRequestsNext() - 1);
            return new Decision(latency, Outcome.TOO_MANY_REQUESTS, 429, s.retryAfterSeconds());
        }
        if (s.rateLimitPerSecond() > 0 && !takeToken(s.rateLimitPerSecond())) {
            return new Decision(latency, Outcome.TOO_MANY_REQUESTS, 429, s.retryAfterSeconds());
        }
        if (s.failNext() > 0) {
            settings = s.withFailNext(s.failNext() - 1);
            return new Decision(latency, Outcome.FAIL, pickStatus(s), 0);
        }
        if (s.errorRate() > 0 && random.nextDouble() < s.errorRate()) {
            return new Decision(latency, Outcome.FAIL, pickStatus(s), 0);
        }
        return new Decision(latency, Outcome.PASS, 0, 0);
    }

    private int pickStatus(FaultSettings s) {
        return s.errorStatuses().get(random.nextInt(s.errorStatuses().size()));
    }

    /** A token bucket holding at most one second of requests. */
    private boolean takeToken(int perSecond) {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - lastRefillNanos) * perSecond / 1e9);
        lastRefillNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
