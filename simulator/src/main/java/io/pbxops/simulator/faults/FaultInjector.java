package io.pbxops.simulator.faults;

import io.pbxops.simulator.FaultSettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * The faults of one API and the decision, request by request, of what to do with them. Draws come from a seeded
 * generator so that a sequential run is reproducible. It also counts the faults actually injected, by kind.
 */
public final class FaultInjector {

    /** What to do with one request. */
    public enum Outcome {
        PASS("pass"),
        DROP("drop"),
        TOO_MANY_REQUESTS("tooManyRequests"),
        FAIL("error"),
        /** Handle the write, then close the connection with no answer. */
        DROP_AFTER_WRITE("dropAfterWrite"),
        /** Handle the write, then answer {@code status} instead of its result. */
        FAIL_AFTER_WRITE("errorAfterWrite");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        /** The key of this kind in {@code GET /sim/v1/faults/injected}. */
        public String wireName() {
            return wireName;
        }

        /** Whether the request is handled before the fault strikes. */
        public boolean afterWrite() {
            return this == DROP_AFTER_WRITE || this == FAIL_AFTER_WRITE;
        }
    }

    /** The decision for one request: wait {@code latencyMs}, then act; {@code status} is set for the failures. */
    public record Decision(long latencyMs, Outcome outcome, int status, int retryAfterSeconds) {}

    private final FaultSettings initial;
    private final long seed;
    private Random random;
    private FaultSettings settings;
    private double tokens;
    private long lastRefillNanos = System.nanoTime();
    private final Map<Outcome, LongAdder> injected = new EnumMap<>(Outcome.class);

    public FaultInjector(FaultSettings initial, long seed) {
        this.initial = initial;
        this.seed = seed;
        for (Outcome outcome : Outcome.values()) {
            injected.put(outcome, new LongAdder());
        }
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

    /** Back to the faults the simulator was started with, to the start of the seeded draws, and to no fault counted. */
    public synchronized void reset() {
        settings = initial;
        random = new Random(seed);
        tokens = initial.rateLimitPerSecond();
        lastRefillNanos = System.nanoTime();
        clearInjected();
    }

    /** Counts one fault that was actually injected (an after-write fault is not when the write itself failed). */
    public void injected(Outcome outcome) {
        if (outcome != Outcome.PASS) {
            injected.get(outcome).increment();
        }
    }

    /** The faults injected so far, by kind (every kind but PASS, zeros included). */
    public Map<Outcome, Long> injectedCounts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        injected.forEach((outcome, count) -> {
            if (outcome != Outcome.PASS) {
                counts.put(outcome, count.sum());
            }
        });
        return counts;
    }

    public void clearInjected() {
        injected.values().forEach(LongAdder::reset);
    }

    /**
     * Decides the fate of one request, consuming the {@code *Next} counters. The after-write faults are drawn only for
     * a write that passes every other fault, so that without them the draws of a run are those of a simulator that
     * does not know them.
     */
    public synchronized Decision decide(boolean write) {
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
        if (write && s.dropAfterWriteRate() > 0 && random.nextDouble() < s.dropAfterWriteRate()) {
            return new Decision(latency, Outcome.DROP_AFTER_WRITE, 0, 0);
        }
        if (write && s.errorAfterWriteRate() > 0 && random.nextDouble() < s.errorAfterWriteRate()) {
            return new Decision(latency, Outcome.FAIL_AFTER_WRITE, pickStatus(s), 0);
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
