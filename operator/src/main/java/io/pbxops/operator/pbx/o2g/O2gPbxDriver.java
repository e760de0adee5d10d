package io.pbxops.operator.pbx.o2g;

import io.pbxops.operator.pbx.AgentStatus;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointException;
import io.pbxops.operator.pbx.PbxEndpointMetrics;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The OmniPCX Enterprise driver: the Rainbow menu (enable the agent, domain, PBX ID, activation code) and the network
 * prerequisites through the O2G management service (docs/pbx-contract.md#what-the-driver-does). O2G's failures leave
 * it as the port's.
 *
 * <p>What it asks O2G is kept small: one client, and so one session, per O2G and account, shared by every node behind
 * it; the object names discovered once per O2G and software release (a node whose objects are not where the names
 * say is discovered on its own); reads ask for the attributes needed; {@code apply} right after {@code observe} works
 * from what {@code observe} read, and answers from the values it wrote instead of reading again.
 */
public final class O2gPbxDriver implements PbxEndpointPort, AutoCloseable {

    static final String RAINBOW_DOMAIN = "openrainbow.com";

    private final O2gClientConfig config;
    private final O2gRainbowNames configuredNames;
    private final Duration readReuse;
    private final PbxEndpointMetrics metrics;
    private final Map<O2gGateway, O2gClient> clients = new ConcurrentHashMap<>();
    /** The gateway each node was last reached through: a client no node uses any more (a Secret changed) is closed. */
    private final Map<NodeKey, O2gGateway> gatewayOfNode = new ConcurrentHashMap<>();
    /** What discovery found, per O2G and software release, and on which node. */
    private final Map<ModelKey, Discovered> models = new ConcurrentHashMap<>();
    /** Nodes whose objects were not where their O2G's first node had them: their own discovery. */
    private final Map<NodeModelKey, O2gRainbowModel> nodeModels = new ConcurrentHashMap<>();

    private final Map<ModelKey, Object> discoveryLocks = new ConcurrentHashMap<>();
    /** The last read of each node by {@code observe}, taken (once) by the {@code apply} that follows it. */
    private final Map<NodeKey, Reading> readings = new ConcurrentHashMap<>();

    private record NodeKey(URI url, String nodeId) {}

    /** @param release the O2G's software release, as its discovery answer says it */
    private record ModelKey(URI url, String release) {}

    private record NodeModelKey(ModelKey model, String nodeId) {}

    private record Discovered(O2gRainbowModel model, String nodeId) {}

    /**
     * One node, ready to be talked to.
     *
     * @param borrowed the model was discovered on another node of the same O2G
     */
    private record Node(
            O2gClient client, String id, NodeKey key, ModelKey modelKey, O2gRainbowModel model, boolean borrowed) {
        O2gRainbowNames names() {
            return model.names();
        }
    }

    /** What a node held when it was read; {@code network} is null when the network object is not managed. */
    private record Reading(O2gRainbowModel model, O2gInstance rainbow, O2gInstance network, Instant at) {}

    private O2gPbxDriver(
            O2gClientConfig config, O2gRainbowNames configuredNames, Duration readReuse, PbxEndpointMetrics metrics) {
        this.config = config;
        this.configuredNames = configuredNames;
        this.readReuse = readReuse;
        this.metrics = metrics;
    }

    public static O2gPbxDriver create(O2gDriverOptions options, PbxEndpointMetrics metrics) {
        return new O2gPbxDriver(options.client(), options.names(), options.readReuse(), metrics);
    }

    @Override
    public EndpointState observe(PbxEndpointTarget target) {
        O2gEndpoint endpoint = endpoint(target);
        return counted("observe", () -> onNode(endpoint, node -> state(node, read(node), List.of(), true)));
    }

    @Override
    public EndpointState apply(PbxEndpointTarget target, EndpointSettings desired) {
        O2gEndpoint endpoint = endpoint(target);
        return counted("apply", () -> onNode(endpoint, node -> applyNow(node, desired)));
    }

    @Override
    public boolean disable(PbxEndpointTarget target) {
        O2gEndpoint endpoint = endpoint(target);
        try {
            onNode(endpoint, node -> {
                readings.remove(node.key());
                O2gRainbowNames names = node.names();
                node.client()
                        .setAttributes(
                                node.id(),
                                names.objectName(),
                                names.instanceId(),
                                List.of(O2gAttribute.of(names.agentEnable(), O2gRainbowNames.NO)));
                return null;
            });
            metrics.operation("disable", "success");
            return true;
        } catch (O2gException e) {
            metrics.operation("disable", "unreachable");
            return false;
        }
    }

    private static O2gEndpoint endpoint(PbxEndpointTarget target) {
        O2gEndpoint endpoint = O2gEndpoint.of(target.url(), target.node(), target.username(), target.password());
        return target.standbyUrl() == null ? endpoint : endpoint.withStandby(target.standbyUrl());
    }

    /** Runs one operation, counts it, and turns O2G's failures into the port's. */
    private <T> T counted(String operation, Supplier<T> call) {
        try {
            T result = call.get();
            metrics.operation(operation, "success");
            return result;
        } catch (O2gException e) {
            PbxEndpointException failure = translate(e);
            metrics.operation(operation, failure.outcome());
            throw failure;
        }
    }

    static PbxEndpointException translate(O2gException e) {
        if (e instanceof O2gAuthenticationException) {
            return new PbxEndpointException.AuthenticationRefused(e.getMessage(), e);
        }
        if (e instanceof O2gUnavailableException) {
            return new PbxEndpointException.Unreachable(e.getMessage(), e);
        }
        if (e instanceof O2gInvalidRequestException) {
            return new PbxEndpointException.Rejected(e.getMessage(), e);
        }
        if (e instanceof O2gNotFoundException) {
            return new PbxEndpointException.NotFound(e.getMessage(), e);
        }
        return new PbxEndpointException(e.getMessage(), e);
    }

    /**
     * Runs an operation on a node. When its names were discovered on another node of the O2G and the node answers
     * 404, the node may run another release: it is discovered on its own and the operation runs once more (every
     * write sets given values, so repeating one is harmless).
     */
    private <T> T onNode(O2gEndpoint endpoint, Function<Node, T> operation) {
        Node node = node(endpoint);
        try {
            return operation.apply(node);
        } catch (O2gNotFoundException e) {
            if (!node.borrowed()) {
                throw e;
            }
            O2gRainbowModel own = O2gRainbowDiscovery.discoverModel(node.client(), node.id(), configuredNames);
            nodeModels.put(new NodeModelKey(node.modelKey(), node.id()), own);
            if (own.equals(node.model())) {
                throw e;
            }
            return operation.apply(new Node(node.client(), node.id(), node.key(), node.modelKey(), own, false));
        }
    }

    private EndpointState applyNow(Node node, EndpointSettings desired) {
        Reading held = desired.unread() ? nothingRead(node) : recentReading(node);
        boolean everything = desired.unread();
        O2gClient client = node.client();
        O2gRainbowNames names = node.names();
        O2gInstance network = held.network();
        O2gInstance rainbow = held.rainbow();
        List<String> changes = new ArrayList<>();
        try {
            if (desired.network() != null && network != null) {
                List<O2gAttribute> writes = networkWrites(names, network, desired.network(), everything);
                if (!writes.isEmpty()) {
                    client.setAttributes(node.id(), names.networkObjectName(), names.networkInstanceId(), writes);
                    network = withValues(network, writes);
                    changes.add("set the network prerequisites: " + desired.network());
                }
            }
            List<O2gAttribute> writes = new ArrayList<>();
            if (!O2gRainbowNames.YES.equals(rainbow.value(names.agentEnable()).orElse(null))) {
                writes.add(O2gAttribute.of(names.agentEnable(), O2gRainbowNames.YES));
                changes.add("enabled the Rainbow agent");
            }
            if (!RAINBOW_DOMAIN.equals(rainbow.value(names.domain()).orElse(null))) {
                writes.add(O2gAttribute.of(names.domain(), RAINBOW_DOMAIN));
                changes.add("set the Rainbow domain to " + RAINBOW_DOMAIN);
            }
            boolean newId = !Objects.equals(
                    desired.equipmentId(), rainbow.value(names.pbxId()).orElse(null));
            if (newId) {
                writes.add(O2gAttribute.of(names.pbxId(), desired.equipmentId()));
                changes.add("entered the PBX ID");
            }
            if ((newId || desired.enterCode()) && desired.activationCode() != null) {
                writes.add(O2gAttribute.of(names.activationCode(), desired.activationCode()));
                changes.add("entered the activation code");
            }
            if (!writes.isEmpty()) {
                client.setAttributes(node.id(), names.objectName(), names.instanceId(), writes);
                rainbow = withValues(rainbow, writes);
            }
        } catch (O2gException e) {
            readings.remove(node.key()); // what was written before the failure is not known
            throw e;
        }
        // The answer is what was read plus what was written; the agent's status is not known again until it is read.
        return state(node, new Reading(held.model(), rainbow, network, held.at()), changes, changes.isEmpty());
    }

    /** What {@code observe} read moments ago (taken: it serves one {@code apply}), else a new read. */
    private Reading recentReading(Node node) {
        Reading held = readings.remove(node.key());
        Instant now = config.clock().instant();
        if (held != null
                && held.model().equals(node.model())
                && !now.isBefore(held.at())
                && Duration.between(held.at(), now).compareTo(readReuse) < 0) {
            return held;
        }
        return read(node);
    }

    /**
     * What {@code apply} works from when it does not read: an agent off, no PBX ID, no network, as the node's model
     * has them (so every setting is written), read now.
     */
    private Reading nothingRead(Node node) {
        O2gRainbowNames names = node.names();
        O2gInstance rainbow = new O2gInstance(names.objectName(), names.instanceId(), List.of(), List.of());
        O2gInstance network = networkManaged(names)
                ? new O2gInstance(names.networkObjectName(), names.networkInstanceId(), List.of(), List.of())
                : null;
        readings.remove(node.key());
        return new Reading(node.model(), rainbow, network, config.clock().instant());
    }

    /**
     * The DNS servers (the proxy emptied) or the proxy (the DNS servers emptied), where they differ; all of them
     * when nothing was read.
     */
    private static List<O2gAttribute> networkWrites(
            O2gRainbowNames names, O2gInstance current, EndpointSettings.Network network, boolean everything) {
        List<O2gAttribute> writes = new ArrayList<>();
        boolean proxy = network.proxyHost() != null;
        set(writes, current, everything, names.dnsPrimary(), proxy ? "" : network.dnsPrimary());
        set(writes, current, everything, names.dnsSecondary(), proxy ? "" : orEmpty(network.dnsSecondary()));
        set(writes, current, everything, names.proxyHost(), proxy ? network.proxyHost() : "");
        set(writes, current, everything, names.proxyPort(), proxy ? String.valueOf(network.proxyPort()) : "");
        set(writes, current, everything, names.proxyLogin(), proxy ? orEmpty(network.proxyLogin()) : "");
        if (!writes.isEmpty() && proxy && network.proxyPassword() != null) {
            // The password reads back masked: enter it whenever the rest of the proxy settings change.
            writes.add(O2gAttribute.of(names.proxyPassword(), network.proxyPassword()));
        }
        return writes;
    }

    private static void set(
            List<O2gAttribute> writes, O2gInstance current, boolean always, String attribute, String wanted) {
        if (always || !wanted.equals(current.value(attribute).orElse(""))) {
            writes.add(O2gAttribute.of(attribute, wanted));
        }
    }

    private static String orEmpty(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    /** The instance as it is after a write that O2G accepted: the written values replace the read ones. */
    private static O2gInstance withValues(O2gInstance read, List<O2gAttribute> written) {
        Map<String, O2gAttribute> values = new LinkedHashMap<>();
        read.attributes().forEach(a -> values.put(a.name(), a));
        written.forEach(a -> values.put(a.name(), a));
        return new O2gInstance(read.objectName(), read.objectId(), List.copyOf(values.values()), read.objectNames());
    }

    /** Reads the Rainbow object and, when it is managed, the network object; kept for the {@code apply} that follows. */
    private Reading read(Node node) {
        O2gRainbowNames names = node.names();
        O2gRainbowModel model = node.model();
        O2gInstance rainbow =
                node.client().getInstance(node.id(), names.objectName(), names.instanceId(), model.rainbowReads());
        O2gInstance network = networkManaged(names)
                ? node.client()
                        .getInstance(
                                node.id(), names.networkObjectName(), names.networkInstanceId(), model.networkReads())
                : null;
        Reading reading = new Reading(model, rainbow, network, config.clock().instant());
        readings.put(node.key(), reading);
        return reading;
    }

    /** @param statusKnown false after a write: what the agent said before it no longer holds */
    private static EndpointState state(Node node, Reading reading, List<String> changes, boolean statusKnown) {
        O2gRainbowNames names = node.names();
        O2gInstance rainbow = reading.rainbow();
        String says = statusKnown ? rainbow.value(names.connectionStatus()).orElse(null) : null;
        EndpointSettings.Network network = null;
        O2gInstance current = reading.network();
        if (current != null) {
            String proxyHost = blankToNull(current.value(names.proxyHost()).orElse(null));
            network = proxyHost == null
                    ? EndpointSettings.Network.dns(
                            blankToNull(current.value(names.dnsPrimary()).orElse(null)),
                            blankToNull(current.value(names.dnsSecondary()).orElse(null)))
                    : new EndpointSettings.Network(
                            null,
                            null,
                            proxyHost,
                            port(current.value(names.proxyPort()).orElse(null)),
                            blankToNull(current.value(names.proxyLogin()).orElse(null)),
                            null);
        }
        return new EndpointState(
                O2gRainbowNames.YES.equals(rainbow.value(names.agentEnable()).orElse(null)),
                rainbow.value(names.pbxId()).orElse(null),
                status(says),
                says,
                rainbow.value(names.domain()).orElse(null),
                network,
                networkManaged(names),
                changes);
    }

    /** O2G's agent status words, in the port's. */
    static AgentStatus status(String says) {
        if (says == null || says.isBlank()) {
            return AgentStatus.NONE;
        }
        return switch (says) {
            case O2gRainbowNames.STATUS_DISABLED -> AgentStatus.DISABLED;
            case O2gRainbowNames.STATUS_WAITING_NETWORK -> AgentStatus.WAITING_NETWORK;
            case O2gRainbowNames.STATUS_CONNECTING -> AgentStatus.CONNECTING;
            case O2gRainbowNames.STATUS_CONNECTED -> AgentStatus.CONNECTED;
            case O2gRainbowNames.STATUS_DEGRADED -> AgentStatus.DEGRADED;
            case O2gRainbowNames.STATUS_ACTIVATION_REFUSED -> AgentStatus.REFUSED;
            default -> AgentStatus.OTHER;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer port(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean networkManaged(O2gRainbowNames names) {
        return names.networkObjectName() != null;
    }

    /** The node with its client and names: the O2G's shared model, discovered on first use of the O2G and release. */
    private Node node(O2gEndpoint endpoint) {
        O2gClient client = client(endpoint);
        String nodeId = endpoint.nodeId();
        NodeKey key = new NodeKey(endpoint.url(), nodeId);
        ModelKey modelKey = new ModelKey(endpoint.url(), release(client.discovery()));
        O2gRainbowModel own = nodeModels.get(new NodeModelKey(modelKey, nodeId));
        if (own != null) {
            return new Node(client, nodeId, key, modelKey, own, false);
        }
        Discovered shared = models.get(modelKey);
        if (shared == null) {
            synchronized (discoveryLocks.computeIfAbsent(modelKey, k -> new Object())) {
                shared = models.get(modelKey);
                if (shared == null) {
                    shared = new Discovered(O2gRainbowDiscovery.discoverModel(client, nodeId, configuredNames), nodeId);
                    models.put(modelKey, shared);
                }
            }
        }
        return new Node(
                client, nodeId, key, modelKey, shared.model(), !shared.nodeId().equals(nodeId));
    }

    /** The O2G's software release as its discovery answer gives it; empty when it gives none. */
    private static String release(O2gDiscovery discovery) {
        O2gDiscovery.ServerInfo server = discovery.serverInfo();
        if (server == null || server.productVersion() == null) {
            return "";
        }
        return Objects.requireNonNullElse(server.productVersion().major(), "") + "/"
                + Objects.requireNonNullElse(server.productVersion().minor(), "");
    }

    /**
     * The client of the node's O2G and account, shared with the other nodes reached the same way. When a node comes
     * with other credentials (its Secret was edited), the client it used is closed once no node uses it any more.
     */
    private O2gClient client(O2gEndpoint endpoint) {
        O2gGateway gateway = endpoint.gateway();
        NodeKey key = new NodeKey(endpoint.url(), endpoint.nodeId());
        O2gClient existing = clients.get(gateway);
        if (existing != null && gateway.equals(gatewayOfNode.get(key))) {
            return existing;
        }
        synchronized (clients) {
            O2gGateway previous = gatewayOfNode.put(key, gateway);
            O2gClient client = clients.computeIfAbsent(gateway, g -> O2gClient.create(g, config));
            if (previous != null && !previous.equals(gateway) && !gatewayOfNode.containsValue(previous)) {
                O2gClient stale = clients.remove(previous);
                if (stale != null) {
                    stale.close();
                }
            }
            return client;
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.values().forEach(O2gClient::close);
            clients.clear();
            gatewayOfNode.clear();
            readings.clear();
        }
    }
}
