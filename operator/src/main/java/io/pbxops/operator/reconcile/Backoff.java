package io.pbxops.operator.reconcile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-object exponential backoff for failures we retry ourselves (JOSDK's retry gives up after a few attempts; a
 * cloud outage must not leave objects unreconciled for good, nor be hammered).
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private final Map<ResourceID, Integer> attempts = new ConcurrentHashMap<>();

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    public Duration next(ResourceID key) {
        int attempt = attempts.merge(key, 1, Integer::sum);
        long millis = first.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    public void reset(ResourceID key) {
        attempts.remove(key);
    }
}
