package io.pbxops.simulator.o2g;

import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.agent.RainbowAgent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OmniPCX Enterprise node behind an O2G host: its management objects (string-array values, as O2G shows them)
 * and its Rainbow agent, whose settings follow the Rainbow and network objects.
 */
final class OxeNode {

    String nodeId;
    String fqdn;
    boolean connected = true;
    /** object name → instance id → attribute → values. */
    Map<String, Map<String, Map<String, List<String>>>> objects = new LinkedHashMap<>();

    private transient RainbowAgent agent;

    static OxeNode create(O2gHostSpec.Node spec, OxeModel model) {
        OxeNode node = new OxeNode();
        node.nodeId = spec.nodeId();
        node.fqdn = spec.fqdn() != null ? spec.fqdn() : "oxe" + spec.nodeId() + ".sim.local";
        node.connected = !Boolean.FALSE.equals(spec.connected());
        model.object(model.names().rainbowObject()).ifPresent(m -> node.putDefaults(m, OxeModel.SINGLE_INSTANCE));
        model.object(model.names().networkObject()).ifPresent(m -> node.putDefaults(m, OxeModel.SINGLE_INSTANCE));
        model.object(OxeModel.SUBSCRIBER)
                .ifPresent(m -> List.of("10000", "10001", "10002").forEach(id -> node.putDefaults(m, id)));
        Map<String, List<String>> subscriber =
                node.objects.get(OxeModel.SUBSCRIBER).get("10000");
        subscriber.put("Annu_Name", List.of("Operator"));
        Map<String, List<String>> network =
                node.objects.get(model.names().networkObject()).get(OxeModel.SINGLE_INSTANCE);
        if (spec.dns() != null) {
            network.put(model.names().dnsPrimary(), List.of(orEmpty(spec.dns().primary())));
            network.put(model.names().dnsSecondary(), List.of(orEmpty(spec.dns().secondary())));
        }
        if (spec.proxy() != null) {
            network.put(model.names().proxyHost(), List.of(orEmpty(spec.proxy().host())));
            network.put(
                    model.names().proxyPort(),
                    List.of(
                            spec.proxy().port() == null
                                    ? ""
                                    : spec.proxy().port().toString()));
            network.put(model.names().proxyLogin(), List.of(orEmpty(spec.proxy().login())));
            network.put(
                    model.names().proxyPassword(), List.of(orEmpty(spec.proxy().password())));
        }
        return node;
    }

    RainbowAgent agent(String host) {
        if (agent == null) {
            agent = new RainbowAgent("o2g " + host + " node " + nodeId);
        }
        return agent;
    }

    /** Copies the Rainbow and network objects into the agent's settings. */
    void syncAgent(String host, OxeModel model) {
        var n = model.names();
        Map<String, List<String>> rainbow = objects.get(n.rainbowObject()).get(OxeModel.SINGLE_INSTANCE);
        Map<String, List<String>> network = objects.get(n.networkObject()).get(OxeModel.SINGLE_INSTANCE);
        boolean networkReady = !first(network, n.dnsPrimary()).isBlank()
                || !first(network, n.proxyHost()).isBlank();
        agent(host)
                .configure(
                        "Yes".equals(first(rainbow, n.agentEnable())),
                        first(rainbow, n.domain()),
                        first(rainbow, n.pbxId()),
                        first(rainbow, n.activationCode()),
                        networkReady);
    }

    private void putDefaults(ObjectModel model, String instanceId) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        model.attributes().stream()
                .filter(a -> !a.readOnly())
                .forEach(a -> values.put(a.name(), List.of(a.defaultValue())));
        objects.computeIfAbsent(model.objectName(), k -> new LinkedHashMap<>()).put(instanceId, values);
    }

    static String first(Map<String, List<String>> values, String attribute) {
        List<String> value = values.get(attribute);
        return value == null || value.isEmpty() ? "" : value.get(0);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
