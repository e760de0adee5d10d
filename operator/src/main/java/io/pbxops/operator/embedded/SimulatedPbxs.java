package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pbxops.operator.api.ActivationMode;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxEndpoint;
import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.OxoSpec;
import io.pbxops.simulator.SimulatorControl;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands up the simulated PBX behind every Pbx the embedded API server holds — the samples and anything applied later
 * with kubectl: an O2G host (with the credentials of the Secret the Pbx names, and its node) behind every management
 * endpoint and standby endpoint, and a build-to-order OXO waiting for its installer behind every OXO with generated
 * activation. Fleet OXOs need nothing here: the simulator's auto-fleet gives each fleet declaration its stock OXO.
 */
public final class SimulatedPbxs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPbxs.class);

    /** What one O2G host should be; a null password means "kept from the saved state, not known here". */
    private record HostPlan(String username, String password, Set<String> nodeIds) {

        boolean sameAs(HostPlan applied) {
            return username.equals(applied.username)
                    && nodeIds.equals(applied.nodeIds)
                    && (applied.password == null || password.equals(applied.password));
        }
    }

    private final KubernetesClient client;
    private final SimulatorControl simulator;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxops-up-simulated-pbxs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean syncQueued = new AtomicBoolean();
    private final Map<String, HostPlan> hosts = new HashMap<>();
    private final Set<String> oxoSerials = new HashSet<>();
    private SharedIndexInformer<Pbx> pbxs;
    private SharedIndexInformer<Secret> secrets;

    public SimulatedPbxs(KubernetesClient client, SimulatorControl simulator) {
        this.client = client;
        this.simulator = simulator;
    }

    /** The serial number of the simulated build-to-order OXO behind a Pbx (the installer step names it). */
    public static String oxoSerial(Pbx pbx) {
        return pbx.getMetadata().getName() + "." + pbx.getMetadata().getNamespace();
    }

    /** An OXO whose activation data an installer types into OMC: OXO family, not taken from the fleet. */
    public static boolean isBuildToOrderOxo(Pbx pbx) {
        return pbx.getSpec() != null
                && pbx.getSpec().getType() != null
                && pbx.getSpec().getType().isOxo()
                && (pbx.getSpec().getActivation() == null
                        || pbx.getSpec().getActivation().getMode() != ActivationMode.Fleet);
    }

    public void start() {
        rememberSavedState();
        ResourceEventHandler<Object> resync = new ResourceEventHandler<>() {
            @Override
            public void onAdd(Object object) {
                queueSync();
            }

            @Override
            public void onUpdate(Object before, Object after) {
                queueSync();
            }

            @Override
            public void onDelete(Object object, boolean unknownFinalState) {
                queueSync();
            }
        };
        secrets = client.secrets().inAnyNamespace().inform(cast(resync));
        pbxs = client.resources(Pbx.class).inAnyNamespace().inform(cast(resync));
        queueSync();
    }

    /** Brings the simulator in line with the Pbx objects now, on the caller's thread. */
    public void syncNow() {
        synchronized (this) {
            sync();
        }
    }

    private void queueSync() {
        if (syncQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                syncQueued.set(false);
                try {
                    syncNow();
                } catch (RuntimeException e) {
                    LOG.warn("could not update the simulated PBXs: {}", e.toString());
                }
            });
        }
    }

    private void sync() {
        if (pbxs == null) {
            return;
        }
        List<Pbx> all = pbxs.getStore().list().stream()
                .sorted(Comparator.comparing((Pbx p) -> p.getMetadata().getNamespace())
                        .thenComparing(p -> p.getMetadata().getName()))
                .toList();
        Map<String, HostPlan> wanted = new TreeMap<>();
        for (Pbx pbx : all) {
            PbxEndpoint endpoint = pbx.getSpec() == null ? null : pbx.getSpec().getEndpoint();
            if (endpoint == null || endpoint.getCredentialsSecretRef() == null || endpoint.getNodeId() == null) {
                continue;
            }
            Map<String, String> credentials = SecretValues.of(secrets.getStore()
                    .getByKey(pbx.getMetadata().getNamespace() + "/"
                            + endpoint.getCredentialsSecretRef().getName()));
            if (!credentials.containsKey("username") || !credentials.containsKey("password")) {
                continue; // the operator says which Secret is missing; nothing to stand up yet
            }
            for (String url : new String[] {endpoint.getUrl(), endpoint.getStandbyUrl()}) {
                String host = hostOf(url);
                if (host != null) {
                    HostPlan plan = wanted.computeIfAbsent(
                            host,
                            h -> new HostPlan(
                                    credentials.get("username"), credentials.get("password"), new TreeSet<>()));
                    plan.nodeIds().add(endpoint.getNodeId());
                }
            }
        }
        wanted.forEach(this::putHostIfChanged);
        for (Pbx pbx : all) {
            if (isBuildToOrderOxo(pbx) && oxoSerials.add(oxoSerial(pbx))) {
                simulator.addOxo(new OxoSpec(oxoSerial(pbx), OxoSpec.Mode.BTCO, null));
                LOG.info(
                        "simulated build-to-order OXO {} stands behind Pbx {}/{}, waiting for its installer",
                        oxoSerial(pbx),
                        pbx.getMetadata().getNamespace(),
                        pbx.getMetadata().getName());
            }
        }
    }

    private void putHostIfChanged(String host, HostPlan plan) {
        HostPlan applied = hosts.get(host);
        if (applied != null && plan.sameAs(applied)) {
            if (applied.password() == null) {
                hosts.put(host, plan); // from now on a changed password is noticed
            }
            return;
        }
        // Replacing a host resets its nodes (a new PBX): only when what the Pbx objects declare changed.
        List<O2gHostSpec.Node> nodes = plan.nodeIds().stream()
                .map(id -> new O2gHostSpec.Node(id, "oxe" + id + "." + host))
                .toList();
        simulator.putO2gHost(new O2gHostSpec(host, plan.username(), plan.password(), nodes));
        hosts.put(host, new HostPlan(plan.username(), plan.password(), Set.copyOf(plan.nodeIds())));
        LOG.info(
                "simulated O2G host {} with node(s) {} {}",
                host,
                plan.nodeIds(),
                applied == null ? "stands up" : "changed");
    }

    /** With a saved state, the hosts and OXOs already exist: keep them (and their PBXs' settings) as they are. */
    private void rememberSavedState() {
        JsonNode state = simulator.state();
        for (JsonNode host : state.path("o2gHosts")) {
            Set<String> nodes = new TreeSet<>();
            host.path("nodes").forEach(node -> nodes.add(node.path("nodeId").asText()));
            hosts.put(
                    host.path("host").asText(),
                    new HostPlan(host.path("username").asText(), null, nodes));
        }
        state.path("oxoAgents").forEach(oxo -> oxoSerials.add(oxo.path("serial").asText()));
    }

    static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> ResourceEventHandler<T> cast(ResourceEventHandler<Object> handler) {
        return (ResourceEventHandler<T>) (ResourceEventHandler<?>) handler;
    }

    @Override
    public void close() {
        if (pbxs != null) {
            pbxs.close();
        }
        if (secrets != null) {
            secrets.close();
        }
        worker.shutdownNow();
    }
}
