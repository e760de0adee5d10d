package io.pbxops.operator.runtime;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pbxops.operator.cloud.CloudMetrics;
import io.pbxops.operator.cloud.CloudOutcome;
import io.pbxops.operator.pbx.PbxEndpointMetrics;
import io.pbxops.operator.reconcile.ReconcileObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The project's own metrics, beside JOSDK's: cloud requests by endpoint and outcome, retries and budget waits, PBX
 * endpoint operations, reconcile duration by kind, and the objects by their Ready condition. Also what readiness
 * needs to know about the cloud (the last answer, the first failure of a run of failures).
 */
public final class OperatorMetrics implements CloudMetrics, PbxEndpointMetrics, ReconcileObserver {

    /** An object not reconciled for this long has gone (JOSDK reconciles everything at least hourly). */
    static final Duration FORGET_AFTER = Duration.ofHours(3);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final Map<String, Integer> capabilities = new ConcurrentHashMap<>();
    private final Map<CensusKey, Census> census = new ConcurrentHashMap<>();
    private final MultiGauge objects;
    private volatile Instant lastCloudAnswer;
    private volatile Instant failingSince;

    private record Census(String kind, String status, String reason, Instant seen) {}

    /** One object of one kind (ResourceID alone does not tell kinds apart). */
    private record CensusKey(String kind, ResourceID object) {}

    public OperatorMetrics(Clock clock) {
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        this.objects = MultiGauge.builder("pbxops.objects")
                .description("Objects by kind and by the status and reason of their Ready condition")
                .register(registry);
    }

    /** 1 while this replica reconciles (holds the Lease, or runs without leader election), 0 on a standby. */
    void leadership(BooleanSupplier leading) {
        Gauge.builder("pbxops.leader", () -> leading.getAsBoolean() ? 1 : 0)
                .description("1 while this replica reconciles, 0 on a standby")
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text format. */
    public String scrape() {
        refreshCensus();
        return registry.scrape();
    }

    @Override
    public void response(String endpoint, int httpStatus, Integer errorCode) {
        String outcome = httpStatus < 400 ? CloudOutcome.SUCCESS : "http_" + httpStatus;
        cloudRequest(endpoint, outcome);
        if (httpStatus < 500 && httpStatus != 429) {
            lastCloudAnswer = clock.instant();
            failingSince = null;
        } else if (failingSince == null) {
            failingSince = clock.instant();
        }
    }

    @Override
    public void ioError(String endpoint) {
        cloudRequest(endpoint, CloudOutcome.IO_ERROR);
        if (failingSince == null) {
            failingSince = clock.instant();
        }
    }

    @Override
    public void retried(String endpoint) {
        Counter.builder("pbxops.cloud.retries")
                .description("Cloud request attempts that retry a failed one")
                .tag("endpoint", endpoint)
                .register(registry)
                .increment();
    }

    @Override
    public void waited(String endpoint, String waitOutcome) {
        Counter.builder("pbxops.cloud.budget.waits")
                .description("Cloud requests that waited for the request budget")
                .tags("endpoint", endpoint, "budget", waitOutcome)
                .register(registry)
                .increment();
    }

    /** What the cloud serves beyond its public contract, as probed: 1 served, 0 not. */
    public void capability(String feature, boolean served) {
        capabilities.put(feature, served ? 1 : 0);
        Gauge.builder("pbxops.cloud.capability", capabilities, values -> values.getOrDefault(feature, -1))
                .description("Whether this cloud serves a part no public contract shows (1 yes, 0 no)")
                .tags("feature", feature)
                .register(registry);
    }

    @Override
    public void operation(String operation, String outcome) {
        Counter.builder("pbxops.pbx.requests")
                .description("Operations on PBX management endpoints (O2G)")
                .tags("operation", operation, "outcome", outcome)
                .register(registry)
                .increment();
    }

    @Override
    public void reconciled(String kind, ResourceID object, Duration took, String readyStatus, String readyReason) {
        Timer.builder("pbxops.reconcile")
                .description("Reconciles by kind and by the Ready status they left")
                .tags("kind", kind, "ready", readyStatus)
                .register(registry)
                .record(took);
        census.put(new CensusKey(kind, object), new Census(kind, readyStatus, readyReason, clock.instant()));
    }

    @Override
    public void forgotten(String kind, ResourceID object) {
        census.remove(new CensusKey(kind, object));
    }

    /** When the cloud last answered (any answer but a 5xx or 429), if ever. */
    public Instant lastCloudAnswer() {
        return lastCloudAnswer;
    }

    /** Since when every cloud request fails, or null when the last one did not. */
    public Instant cloudFailingSince() {
        return failingSince;
    }

    private void cloudRequest(String endpoint, String outcome) {
        Counter.builder("pbxops.cloud.requests")
                .description("Cloud requests by endpoint and outcome")
                .tags("endpoint", endpoint, "outcome", outcome)
                .register(registry)
                .increment();
    }

    private void refreshCensus() {
        Instant horizon = clock.instant().minus(FORGET_AFTER);
        census.values().removeIf(entry -> entry.seen().isBefore(horizon));
        Map<List<String>, Long> counts = census.values().stream()
                .collect(Collectors.groupingBy(c -> List.of(c.kind(), c.status(), c.reason()), Collectors.counting()));
        objects.register(
                counts.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(
                                Tags.of(
                                        "kind",
                                        e.getKey().get(0),
                                        "ready",
                                        e.getKey().get(1),
                                        "reason",
                                        e.getKey().get(2)),
                                e.getValue()))
                        .toList(),
                true);
    }
}
