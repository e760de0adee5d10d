package io.pbxops.operator.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudNotFoundException;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudSignatures;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.KubernetesEvents;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.reconcile.PbxOperator;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what changed in the cloud behind the operator's back: every drift interval it lists the cloud page by page
 * (companies, sites, systems with their connection history, gateways) and compares each object with what was last
 * applied. Only the objects that moved are reconciled, with an event saying so; a steady fleet costs one list call per
 * page and no write.
 */
public final class DriftDetector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DriftDetector.class);

    private final CloudPort cloud;
    private final PbxOperator operator;
    private final KubernetesEvents events;
    private final OperatorSettings settings;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxops-drift");
        thread.setDaemon(true);
        return thread;
    });
    /** The connection signature of each system at the last pass: a PBX that connects or drops a channel moves it. */
    private final Map<String, String> lastConnection = new ConcurrentHashMap<>();

    private final KubernetesClient client;

    private ScheduledFuture<?> schedule;

    public DriftDetector(CloudPort cloud, PbxOperator operator, KubernetesClient client, OperatorSettings settings) {
        this.cloud = cloud;
        this.operator = operator;
        this.client = client;
        this.events = new KubernetesEvents(client, Clock.systemUTC());
        this.settings = settings;
    }

    /** Starts the periodic check (on the leader only: it reads the cloud on behalf of every replica). */
    public synchronized void start() {
        if (schedule == null) {
            long interval = settings.driftInterval().toMillis();
            schedule = scheduler.scheduleWithFixedDelay(this::checkSafely, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void pause() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void checkSafely() {
        try {
            checkOnce();
        } catch (RuntimeException e) {
            LOG.warn("drift check failed, trying again in {}: {}", settings.driftInterval(), e.getMessage());
        }
    }

    /** One pass over the cloud; answers how many objects were found drifted. */
    public int checkOnce() {
        PbxOperator.Ledgers ledgers = operator.ledgers();
        PbxOperator.Triggers triggers = operator.triggers();
        Map<CloudRef, String> listed = new HashMap<>();
        cloud.companies().listAll().map(CloudSignatures::of).forEach(e -> listed.put(e.getKey(), e.getValue()));
        cloud.sites().listAll().map(CloudSignatures::of).forEach(e -> listed.put(e.getKey(), e.getValue()));
        Map<String, String> connections = new HashMap<>();
        for (CloudSystem system : cloud.systems().listAll().toList()) {
            Map.Entry<CloudRef, String> signature = CloudSignatures.of(system);
            listed.put(signature.getKey(), signature.getValue());
            connections.put(system.id(), CloudSignatures.connection(system));
            for (String site : Objects.requireNonNullElse(system.siteId(), List.<String>of())) {
                Map.Entry<CloudRef, String> link = CloudSignatures.link(system.id(), site);
                listed.put(link.getKey(), link.getValue());
            }
        }
        boolean gateways = gatewaysListed(listed);

        int drifted =
                wake(ledgers.companies().drifted(listed), ledgers.companies(), triggers.companies(), Company.class);
        Set<ResourceID> pbxs = new HashSet<>(ledgers.pbxs().drifted(listed));
        // A PBX that connects, drops a channel or comes back is the PBX's doing, not a change of its settings: it is
        // reconciled (its reconcile says what happened), not reported as changed out of band.
        Set<ResourceID> reconnected = new HashSet<>(ledgers.pbxs()
                .standingFor(ref -> ref.kind() == CloudRef.Kind.SYSTEM
                        && lastConnection.containsKey(ref.id())
                        && !lastConnection.get(ref.id()).equals(connections.get(ref.id()))));
        reconnected.removeAll(pbxs);
        lastConnection.clear();
        lastConnection.putAll(connections);
        drifted += wake(pbxs, ledgers.pbxs(), triggers.pbxs(), Pbx.class);
        for (ResourceID id : reconnected) {
            ledgers.pbxs().forget(id);
            triggers.pbxs().trigger(id);
        }
        drifted += reconnected.size();
        drifted += wake(ledgers.shares().drifted(listed), ledgers.shares(), triggers.shares(), PbxShare.class);
        if (gateways) {
            drifted += wake(
                    ledgers.gateways().drifted(listed), ledgers.gateways(), triggers.gateways(), WebRtcGateway.class);
        }
        if (drifted > 0) {
            LOG.info("drift check: {} objects changed in the cloud out of band; reconciling them", drifted);
        }
        return drifted;
    }

    /**
     * Lists the gateways into {@code listed} when this cloud serves them: the list itself tells when it stops (a
     * 404), and a probe at every pass tells when a cloud that did not serve them starts to.
     */
    private boolean gatewaysListed(Map<CloudRef, String> listed) {
        if (!operator.capabilities().snapshot().gatewayAdministration()) {
            operator.capabilities().probe(cloud);
            if (!operator.capabilities().snapshot().gatewayAdministration()) {
                return false;
            }
        }
        try {
            cloud.gateways().listAll().map(CloudSignatures::of).forEach(e -> listed.put(e.getKey(), e.getValue()));
            return true;
        } catch (CloudNotFoundException e) {
            operator.capabilities().gatewaysNotFound();
            return false;
        }
    }

    private <R extends HasMetadata> int wake(
            Set<ResourceID> objects, CloudLedger ledger, DriftTrigger<R> trigger, Class<R> kind) {
        for (ResourceID id : objects) {
            ledger.forget(id);
            R object = client.resources(kind)
                    .inNamespace(id.getNamespace().orElse(null))
                    .withName(id.getName())
                    .get();
            if (object != null) {
                events.normal(
                        object, "DriftDetected", "the cloud object changed out of band; bringing it back to the spec");
            }
            trigger.trigger(id);
        }
        return objects.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
