package io.pbxops.operator.pbx.oxe;

import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointMetrics;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import io.pbxops.operator.pbx.o2g.O2gAttribute;
import io.pbxops.operator.pbx.o2g.O2gClient;
import io.pbxops.operator.pbx.o2g.O2gClientConfig;
import io.pbxops.operator.pbx.o2g.O2gEndpoint;
import io.pbxops.operator.pbx.o2g.O2gException;
import io.pbxops.operator.pbx.o2g.O2gInstance;
import io.pbxops.operator.pbx.o2g.O2gRainbowDiscovery;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The OmniPCX Enterprise driver: the Rainbow menu (enable the agent, domain, PBX ID, activation code) and the
 * network prerequisites through the O2G management service (pbx-endpoints.md §1, §2). One O2G client, and its
 * session, per endpoint and credentials; the object names are discovered once per node.
 */
public final class O2gPbxEndpoints implements PbxEndpointPort, AutoCloseable {

    static final String RAINBOW_DOMAIN = "openrainbow.com";

    private final O2gClientConfig config;
    private final O2gRainbowNames configuredNames;
    private final PbxEndpointMetrics metrics;
    private final Map<O2gEndpoint, Connection> connections = new ConcurrentHashMap<>();

    private record Connection(O2gClient client, O2gRainbowNames names) {}

    public O2gPbxEndpoints(O2gClientConfig config, O2gRainbowNames configuredNames) {
        this(config, configuredNames, PbxEndpointMetrics.none());
    }

    public O2gPbxEndpoints(O2gClientConfig config, O2gRainbowNames configuredNames, PbxEndpointMetrics metrics) {
        this.config = config;
        this.configuredNames = configuredNames;
        this.metrics = metrics;
    }

    @Override
    public EndpointState observe(PbxEndpointTarget target) {
        return counted(
                "observe",
                () -> read(connect(target.endpoint()), target.endpoint().nodeId(), List.of()));
    }

    @Override
    public EndpointState apply(PbxEndpointTarget target, EndpointSettings desired) {
        return counted("apply", () -> applyNow(target, desired));
    }

    private <T> T counted(String operation, Supplier<T> call) {
        try {
            T result = call.get();
            metrics.operation(operation, "success");
            return result;
        } catch (O2gException e) {
            metrics.operation(
                    operation,
                    e.getClass()
                            .getSimpleName()
                            .replace("O2g", "")
                            .replace("Exception", "")
                            .toLowerCase(Locale.ROOT));
            throw e;
        }
    }

    private EndpointState applyNow(PbxEndpointTarget target, EndpointSettings desired) {
        Connection connection = connect(target.endpoint());
        String node = target.endpoint().nodeId();
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
        if (newId || desired.enterCode()) {
            writes.add(O2gAttribute.of(names.activationCode(), desired.activationCode()));
            changes.add("entered the activation code");
        }
        if (!writes.isEmpty()) {
            connection.client().setAttributes(node, names.objectName(), names.instanceId(), writes);
        }
        return read(connection, node, changes);
    }

    @Override
    public boolean disable(PbxEndpointTarget target) {
        try {
            Connection connection = connect(target.endpoint());
            O2gRainbowNames names = connection.names();
            connection
                    .client()
                    .setAttributes(
                            target.endpoint().nodeId(),
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
        return new EndpointState(
                O2gRainbowNames.YES.equals(rainbow.value(names.agentEnable()).orElse(null)),
                rainbow.value(names.pbxId()).orElse(null),
                rainbow.value(names.connectionStatus()).orElse(null),
                networkManaged(names),
                changes);
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
