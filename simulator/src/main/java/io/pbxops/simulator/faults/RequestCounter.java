package io.pbxops.simulator.faults;

import io.pbxops.simulator.RequestCount;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counts by method, route template and status, shared by both servers. */
public final class RequestCounter {

    private record Key(String method, String route, int status) {}

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String method, String route, int status) {
        counts.computeIfAbsent(new Key(method, route, status), key -> new LongAdder())
                .increment();
    }

    public List<RequestCount> snapshot() {
        return counts.entrySet().stream()
                .map(e -> new RequestCount(
                        e.getKey().method(),
                        e.getKey().route(),
                        e.getKey().status(),
                        e.getValue().sum()))
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparing(RequestCount::route)
                        .thenComparing(RequestCount::method)
                        .thenComparingInt(RequestCount::status))
                .toList();
    }

    public void clear() {
        counts.clear();
    }
}
