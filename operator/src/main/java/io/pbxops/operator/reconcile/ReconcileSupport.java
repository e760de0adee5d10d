package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/** What every reconciler shares: the cluster client, the clock, and the condition, event and backoff helpers. */
public final class ReconcileSupport {

    private final KubernetesClient client;
    private final Clock clock;
    private final OperatorSettings settings;
    private final StatusConditions conditions;
    private final KubernetesEvents events;
    private final ReconcileObserver observer;
    private final CloudCapabilities capabilities = new CloudCapabilities();

    public ReconcileSupport(KubernetesClient client, Clock clock, OperatorSettings settings) {
        this(client, clock, settings, ReconcileObserver.none());
    }

    public ReconcileSupport(
            KubernetesClient client, Clock clock, OperatorSettings settings, ReconcileObserver observer) {
        this.observer = observer;
        this.client = client;
        this.clock = clock;
        this.settings = settings;
        this.conditions = new StatusConditions(clock);
        this.events = new KubernetesEvents(client, clock);
    }

    public KubernetesClient client() {
        return client;
    }

    public Clock clock() {
        return clock;
    }

    public OperatorSettings settings() {
        return settings;
    }

    public StatusConditions conditions() {
        return conditions;
    }

    public KubernetesEvents events() {
        return events;
    }

    /** What this cloud serves beyond its public contract, as probed. */
    public CloudCapabilities capabilities() {
        return capabilities;
    }

    public ReconcileObserver observer() {
        return observer;
    }
}
