package io.pbxops.operator.pbx.o2g;

import io.pbxops.operator.pbx.AgentStatus;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointException;
import io.pbxops.operator.pbx.PbxEndpointMetrics;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The OmniPCX Enterprise driver: the Rainbow menu (enable the agent, domain, PBX ID, activation code) and the network
 * prerequisites through the O2G management service (docs/pbx-contract.md#what-the-driver-does). One O2G client, and its session, per
 * endpoint and credentials; the object names are discovered once per node. O2G's failures leave it as the port's.
 */
public final class O2gPbxDriver implements PbxEndpointPort, AutoCloseable {

    static final String RAINBOW_DOMAIN = "openrainbow.com";

    private final O2gClientConfig config;
    private final O2gRainbowNames configuredNames;
    private final PbxEndpointMetrics metrics;
    private final Map<O2gEndpoint, Connection> connections = new ConcurrentHashMap<>();

    private record Connection(O2gClient client, O2gRainbowNames names) {}

    private O2gPbxDriver(O2gClientConfig config, O2gRainbowNames configuredNames, PbxEndpointMetrics metrics) {
        this.config = config;
        this.configuredNames = configuredNames;
        this.metrics = metrics;
    }

    public static O2gPbxDriver create(O2gDriverOptions options, PbxEndpointMetrics metrics) {
        return new O2gPbxDriver(options.client(), options.names(), metrics);
    }

    @Override
    public EndpointState observe(PbxEndpointTarget target) {
        O2gEndpoint endpoint = endpoint(target);
        return counted("observe", () -> read(connect(endpoint), endpoint.nodeId(), List.of()));
    }

    @Override
    public EndpointState apply(PbxEndpointTarget target, EndpointSettings desired) {
        O2gEndpoint endpoint = endpoint(target);
        return counted("apply", () -> applyNow(endpoint, desired));
    }

    @Override
    public boolean disable(PbxEndpointTarget target) {
        O2gEndpoint endpoint = endpoint(target);
        try {
            Connection connection = connect(endpoint);
            O2gRainbowNames names = connection.names();
            connection
                    .client()
                    .setAttributes(
                            endpoint.nodeId(),
                            names.objectName(),
                            names.instanceId(),
                            List.of(O2gAttribute.of(names.agentEnable(), O2gRainbowNames.NO)));
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

    private EndpointState applyNow(O2gEndpoint endpoint, EndpointSettings desired) {
        Connection connection = connect(endpoint);
        String node = endpoint.nodeId();
        O2gRainbowNames names = connection.names();
        List<String> changes = new ArrayList<>();
        if (desired.network() != null && networkManaged(names)) {
            applyNetwork(connection, node, desired.network(), changes);
        }
        O2gInstance rainbow = connection.client().getInstance(node, names.objectName(), names.instanceId());
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
            connection.client().setAttributes(node, names.objectName(), names.instanceId(), writes);
        }
        return read(connection, node, changes);
    }

    private void applyNetwork(
            Connection connection, String node, EndpointSettings.Network network, List<String> changes) {
        O2gRainbowNames names = connection.names();
        O2gInstance current =
                connection.client().getInstance(node, names.networkObjectName(), names.networkInstanceId());
        List<O2gAttribute> writes = new ArrayList<>();
        boolean proxy = network.proxyHost() != null;
        set(writes, current, names.dnsPrimary(), proxy ? "" : network.dnsPrimary());
        set(writes, current, names.dnsSecondary(), proxy ? "" : Objects.requireNonNullElse(network.dnsSecondary(), ""));
        set(writes, current, names.proxyHost(), proxy ? network.proxyHost() : "");
        set(writes, current, names.proxyPort(), proxy ? String.valueOf(network.proxyPort()) : "");
        set(writes, current, names.proxyLogin(), proxy ? Objects.requireNonNullElse(network.proxyLogin(), "") : "");
        if (!writes.isEmpty() && proxy && network.proxyPassword() != null) {
            // The password reads back masked: enter it whenever the rest of the proxy settings change.
            writes.add(O2gAttribute.of(names.proxyPassword(), network.proxyPassword()));
        }
        if (!writes.isEmpty()) {
            connection.client().setAttributes(node, names.networkObjectName(), names.networkInstanceId(), writes);
            changes.add("set the network prerequisites: " + network);
        }
    }

    private static void set(List<O2gAttribute> writes, O2gInstance current, String attribute, String wanted) {
        if (!wanted.equals(current.value(attribute).orElse(""))) {
            writes.add(O2gAttribute.of(attribute, wanted));
        }
    }

    private EndpointState read(Connection connection, String node, List<String> changes) {
        O2gRainbowNames names = connection.names();
        O2gInstance rainbow = connection.client().getInstance(node, names.objectName(), names.instanceId());
        String says = rainbow.value(names.connectionStatus()).orElse(null);
        EndpointSettings.Network network = null;
        if (networkManaged(names)) {
            O2gInstance current =
                    connection.client().getInstance(node, names.networkObjectName(), names.networkInstanceId());
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

    /** The client of an endpoint; a new one when the credentials changed (the Secret was edited). */
    private Connection connect(O2gEndpoint endpoint) {
        Connection existing = connections.get(endpoint);
        if (existing != null) {
            return existing;
        }
        synchronized (connections) {
            existing = connections.get(endpoint);
            if (existing != null) {
                return existing;
            }
            connections.entrySet().removeIf(entry -> {
                boolean stale = entry.getKey().url().equals(endpoint.url())
                        && entry.getKey().nodeId().equals(endpoint.nodeId());
                if (stale) {
                    entry.getValue().client().close();
                }
                return stale;
            });
            O2gClient client = O2gClient.create(endpoint, config);
            try {
                Connection connection = new Connection(
                        client, O2gRainbowDiscovery.discover(client, endpoint.nodeId(), configuredNames));
                connections.put(endpoint, connection);
                return connection;
            } catch (RuntimeException failure) {
                client.close();
                throw failure;
            }
        }
    }

    @Override
    public void close() {
        connections.values().forEach(c -> c.client().close());
        connections.clear();
    }
}
