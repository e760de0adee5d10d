package io.pbxops.operator.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When each part of {@code up} was ready, from the moment the JVM process started: the figures behind "converged in
 * 6.1 s" and where that time went.
 */
public final class StartupTimeline {

    public static final String JVM = "JVM start";
    public static final String API_SERVER = "API server";
    public static final String SIMULATORS = "simulators";
    public static final String OPERATOR = "operator";
    public static final String MANIFESTS = "manifests applied";
    public static final String FIRST_RECONCILE = "first reconcile";
    public static final String CONVERGED = "converged";

    private final Clock clock;
    private final Instant processStart;
    private final Map<String, Instant> marks = new LinkedHashMap<>();

    public StartupTimeline(Clock clock, Instant processStart) {
        this.clock = clock;
        this.processStart = processStart;
    }

    /** A timeline starting when this JVM process started (as the operating system says). */
    public static StartupTimeline ofThisProcess() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return new StartupTimeline(Clock.systemUTC(), start);
    }

    /** Records that a step finished now; a step recorded twice keeps its first time. */
    public synchronized void mark(String step) {
        marks.putIfAbsent(step, clock.instant());
    }

    public synchronized boolean has(String step) {
        return marks.containsKey(step);
    }

    public Instant processStart() {
        return processStart;
    }

    /** Time since the process started. */
    public Duration elapsed() {
        return Duration.between(processStart, clock.instant());
    }

    /** Each recorded step with how long it took after the previous one. */
    public synchronized List<Map.Entry<String, Duration>> steps() {
        List<Map.Entry<String, Duration>> steps = new ArrayList<>();
        Instant previous = processStart;
        for (Map.Entry<String, Instant> mark : marks.entrySet()) {
            steps.add(Map.entry(mark.getKey(), Duration.between(previous, mark.getValue())));
            previous = mark.getValue();
        }
        return steps;
    }

    /** Total time to a step, from process start. */
    public synchronized Duration until(String step) {
        Instant at = marks.get(step);
        return at == null ? null : Duration.between(processStart, at);
    }

    /** "6.1 s (JVM start 0.4 s, API server 1.2 s, ...)" */
    public synchronized String summary(String last) {
        StringBuilder text = new StringBuilder();
        Duration total = until(last);
        text.append(total == null ? "?" : seconds(total));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Duration> step : steps()) {
            parts.add(step.getKey() + " " + seconds(step.getValue()));
            if (step.getKey().equals(last)) {
                break;
            }
        }
        return text.append(" (").append(String.join(", ", parts)).append(")").toString();
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
