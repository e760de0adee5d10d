package io.pbxops.operator.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.mapping.GatewayMapping;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.KubernetesEvents;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.reconcile.PbxOperator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
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
        int drifted = 0;

        Map<String, CloudCompany> companies = cloud.companies()
                .listAll()
                .collect(Collectors.toMap(CloudCompany::id, Function.identity(), (a, b) -> a));
        Map<String, String> siteHashes = new HashMap<>();
        for (CloudSite site : cloud.sites().listAll().toList()) {
            CloudCompany company = companies.get(site.companyId());
            if (company != null) {
                siteHashes.put(
                        site.companyId() + "/" + site.id(),
                        CloudLedger.hash(List.of(CompanyMapping.signature(company), CompanyMapping.signature(site))));
            }
        }
        drifted +=
                wake(ledgers.companies().drifted(siteHashes), ledgers.companies(), triggers.companies(), Company.class);

        List<CloudSystem> systems = cloud.systems().listAll().toList();
        Map<String, String> systemHashes = new HashMap<>();
        Map<String, String> linkHashes = new HashMap<>();
        Map<String, String> connections = new HashMap<>();
        for (CloudSystem system : systems) {
            systemHashes.put(system.id(), CloudLedger.hash(SystemMapping.signature(system)));
            connections.put(system.id(), CloudLedger.hash(SystemMapping.connectionSignature(system)));
            if (system.siteId() != null) {
                for (String site : system.siteId()) {
                    linkHashes.put(
                            system.id() + "/" + site,
                            CloudLedger.hash(SystemMapping.linkSignature(system.id(), site, true)));
                }
            }
        }
        Set<String> pbxKeys = ledgers.pbxs().drifted(systemHashes);
        pbxKeys.addAll(ledgers.pbxs()
                .withCloudIds(id -> lastConnection.containsKey(id)
                        && !lastConnection.get(id).equals(connections.get(id))));
        lastConnection.clear();
        lastConnection.putAll(connections);
        drifted += wake(pbxKeys, ledgers.pbxs(), triggers.pbxs(), Pbx.class);
        drifted += wake(ledgers.shares().drifted(linkHashes), ledgers.shares(), triggers.shares(), PbxShare.class);

        Map<String, String> gatewayHashes = cloud.gateways()
                .listAll()
                .collect(Collectors.toMap(
                        CloudMediaPillar::id, g -> CloudLedger.hash(GatewayMapping.signature(g)), (a, b) -> a));
        drifted += wake(
                ledgers.gateways().drifted(gatewayHashes),
                ledgers.gateways(),
                triggers.gateways(),
                WebRtcGateway.class);
        if (drifted > 0) {
            LOG.info("drift check: {} objects changed in the cloud out of band; reconciling them", drifted);
        }
        return drifted;
    }

    private <R extends HasMetadata> int wake(
            Set<String> keys, CloudLedger ledger, DriftTrigger<R> trigger, Class<R> kind) {
        for (String key : keys) {
            ledger.forget(key);
            ResourceID id = CloudLedger.resourceId(key);
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
        return keys.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
