package io.pbxops.operator.cloud;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters in memory, for tests, benchmarks and the CLI. Keys are endpoint and outcome: a success counts
 * {@code success}; an error answer counts its status class ({@code http_4xx}) and, when the body has one, its error
 * code ({@code error_409000}); plus {@code io_error}, {@code retried}, {@code rate_limit_wait},
 * {@code concurrency_wait}.
 */
public final class InMemoryCloudMetrics implements CloudMetrics {

    /** One counter's identity. */
    public record Key(String endpoint, String outcome) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byEndpoint = endpoint.compareTo(other.endpoint);
            return byEndpoint != 0 ? byEndpoint : outcome.compareTo(other.outcome);
        }

        @Override
        public String toString() {
            return endpoint + " " + outcome;
        }
    }

    private final Map<Key, LongAdder> counters = new ConcurrentHashMap<>();

    @Override
    public void response(String endpoint, int httpStatus, Integer errorCode) {
        if (httpStatus >= 200 && httpStatus < 300) {
            add(endpoint, CloudOutcome.SUCCESS);
            return;
        }
        add(endpoint, CloudOutcome.statusClass(httpStatus));
        if (errorCode != null) {
            add(endpoint, CloudOutcome.errorCode(errorCode));
        }
    }

    @Override
    public void ioError(String endpoint) {
        add(endpoint, CloudOutcome.IO_ERROR);
    }

    @Override
    public void retried(String endpoint) {
        add(endpoint, CloudOutcome.RETRIED);
    }

    @Override
    public void waited(String endpoint, String waitOutcome) {
        add(endpoint, waitOutcome);
    }

    /** The count of one endpoint and outcome. */
    public long count(String endpoint, String outcome) {
        LongAdder adder = counters.get(new Key(endpoint, outcome));
        return adder == null ? 0 : adder.sum();
    }

    /** The sum of one outcome over all endpoints. */
    public long total(String outcome) {
        return counters.entrySet().stream()
                .filter(entry -> entry.getKey().outcome().equals(outcome))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    /** A sorted copy of every counter. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> copy = new TreeMap<>();
        counters.forEach((key, adder) -> copy.put(key, adder.sum()));
        return copy;
    }

    public void reset() {
        counters.clear();
    }

    private void add(String endpoint, String outcome) {
        counters.computeIfAbsent(new Key(endpoint, outcome), key -> new LongAdder())
                .increment();
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
