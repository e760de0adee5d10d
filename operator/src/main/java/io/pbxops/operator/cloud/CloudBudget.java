package io.pbxops.operator.cloud;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one budget toward the cloud for an account: at most {@code maxConcurrentRequests} HTTP requests in flight and
 * at most {@code requestsPerSecond} started per second (a smooth Failsafe rate limiter: evenly spaced, no burst).
 * The concurrency bound is a fair JDK {@link Semaphore} rather than Failsafe's {@code Bulkhead}: in Failsafe 3.3.2 a
 * standalone {@code Bulkhead.tryAcquirePermit(Duration)} that times out leaves its waiter queued, and the next
 * released permit goes to that abandoned waiter, so the budget would shrink a slot at each timeout.
 * Every attempt takes a permit, retries and logins included. Share one instance between every client of one
 * account; a caller that cannot get a permit within {@code maxWait} gets a {@link CloudUnavailableException}.
 */
public final class CloudBudget {

    private final int maxConcurrentRequests;
    private final int requestsPerSecond;
    private final Duration maxWait;
    private final Semaphore concurrency;
    private final RateLimiter<Object> rate;
    private final AtomicLong started = new AtomicLong();
    private final ThreadLocal<long[]> startedHere = ThreadLocal.withInitial(() -> new long[1]);

    private CloudBudget(int maxConcurrentRequests, int requestsPerSecond, Duration maxWait) {
        if (maxConcurrentRequests < 1 || requestsPerSecond < 1) {
            throw new IllegalArgumentException("a budget needs at least 1 concurrent request and 1 request per second");
        }
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.requestsPerSecond = requestsPerSecond;
        this.maxWait = maxWait;
        this.concurrency = new Semaphore(maxConcurrentRequests, true);
        this.rate = RateLimiter.smoothBuilder(requestsPerSecond, Duration.ofSeconds(1))
                .build();
    }

    /** A budget; {@code maxWait} bounds how long one attempt waits for its permits. */
    public static CloudBudget of(int maxConcurrentRequests, int requestsPerSecond, Duration maxWait) {
        return new CloudBudget(maxConcurrentRequests, requestsPerSecond, maxWait);
    }

    /** 8 concurrent requests, 20 per second, wait at most 60 s: well below the Node SDK's 20250 requests a minute. */
    public static CloudBudget defaults() {
        return of(8, 20, Duration.ofSeconds(60));
    }

    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** How many attempts got their permits so far (how busy the budget is: the activation watch paces itself on it). */
    public long requestsStarted() {
        return started.get();
    }

    /** How many of them the calling thread started (what a pass of the activation watch cost, others aside). */
    public long requestsStartedHere() {
        return startedHere.get()[0];
    }

    /** A held concurrency slot; closing it gives the slot back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a concurrency slot, then a rate permit (in that order, so the request starts as soon as its rate permit
     * is granted), counting a wait for either in {@code metrics}.
     */
    Permit acquire(String endpoint, CloudMetrics metrics) {
        try {
            if (!concurrency.tryAcquire()) {
                metrics.waited(endpoint, CloudOutcome.CONCURRENCY_WAIT);
                if (!concurrency.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw exhausted(endpoint, "concurrent requests");
                }
            }
            try {
                if (!rate.tryAcquirePermit()) {
                    metrics.waited(endpoint, CloudOutcome.RATE_LIMIT_WAIT);
                    if (!rate.tryAcquirePermit(maxWait)) {
                        throw exhausted(endpoint, "requests per second");
                    }
                }
            } catch (RuntimeException | InterruptedException e) {
                concurrency.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudUnavailableException(
                    "Interrupted while waiting for the cloud budget (" + endpoint + ")", endpoint, 0, null, false, e);
        }
        started.incrementAndGet();
        startedHere.get()[0]++;
        return concurrency::release;
    }

    private CloudUnavailableException exhausted(String endpoint, String what) {
        return new CloudUnavailableException(
                "The cloud budget (" + what + ") had no room within " + maxWait + " for " + endpoint
                        + "; try again later",
                endpoint,
                0,
                null,
                false,
                null);
    }

    @Override
    public String toString() {
        return "CloudBudget[maxConcurrentRequests=" + maxConcurrentRequests + ", requestsPerSecond=" + requestsPerSecond
                + ", maxWait=" + maxWait + "]";
    }
}
