package io.pbxops.simulator.o2g;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.OxeNames;
import io.pbxops.simulator.agent.AgentStatus;
import io.pbxops.simulator.agent.CloudLink;
import io.pbxops.simulator.agent.RainbowAgent;
import io.pbxops.simulator.support.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The virtual O2G hosts, keyed by the host name clients send in {@code X-Forwarded-Host}. Under the world lock. */
public final class O2gHosts {

    public static final String DEFAULT_HOST = "default";

    private final OxeModel model;
    private final O2gHostSpec defaultHost;
    private final boolean autoCreate;
    private final Map<String, O2gHost> hosts = new LinkedHashMap<>();
    private CloudLink cloud;

    /** {@code autoCreate}: an unknown host becomes a copy of the default one instead of an error. */
    public O2gHosts(OxeNames names, String defaultLogin, String defaultPassword, boolean autoCreate) {
        this.model = new OxeModel(names);
        this.defaultHost = new O2gHostSpec(DEFAULT_HOST, defaultLogin, defaultPassword, null);
        this.autoCreate = autoCreate;
    }

    /** Connects the agents to the cloud; set once, before any host exists. */
    public void connect(CloudLink cloud) {
        this.cloud = cloud;
        reset();
    }

    OxeModel model() {
        return model;
    }

    public void put(O2gHostSpec spec) {
        String key = normalize(spec.host());
        O2gHost previous = hosts.get(key);
        if (previous != null) {
            previous.nodes.values().forEach(node -> cloud.agentRemoved(node.agent(key)));
        }
        O2gHost host = new O2gHost();
        host.host = key;
        host.username = spec.username();
        host.password = spec.password();
        spec.nodes().forEach(nodeSpec -> host.nodes.put(nodeSpec.nodeId(), OxeNode.create(nodeSpec, model)));
        hosts.put(key, host);
        host.nodes.values().forEach(node -> agentChanged(host, node));
    }

    /** The host a request addressed ({@code X-Forwarded-Host}, {@code default} without it), or null when unknown. */
    O2gHost find(String forwardedHost) {
        return hosts.get(key(forwardedHost));
    }

    /** With auto-creation on, an unknown host becomes a copy of the default one; else null. */
    O2gHost createIfAllowed(String forwardedHost) {
        if (!autoCreate) {
            return null;
        }
        String key = key(forwardedHost);
        put(new O2gHostSpec(key, defaultHost.username(), defaultHost.password(), null));
        return hosts.get(key);
    }

    private static String key(String forwardedHost) {
        return forwardedHost == null || forwardedHost.isBlank() ? DEFAULT_HOST : normalize(forwardedHost);
    }

    void agentChanged(O2gHost host, OxeNode node) {
        node.syncAgent(host.host, model);
        cloud.agentChanged(node.agent(host.host));
    }

    AgentStatus agentStatus(O2gHost host, OxeNode node) {
        return node.agent(host.host).status();
    }

    public boolean expireSessions(String host) {
        O2gHost found = hosts.get(normalize(host));
        if (found != null) {
            found.expireSessions();
        }
        return found != null;
    }

    public Collection<RainbowAgent> agents() {
        List<RainbowAgent> agents = new ArrayList<>();
        hosts.values().forEach(host -> host.nodes.values().forEach(node -> agents.add(node.agent(host.host))));
        return agents;
    }

    /** Back to the default host alone, with fresh nodes. */
    public void reset() {
        hosts.values().forEach(host -> host.nodes.values().forEach(node -> cloud.agentRemoved(node.agent(host.host))));
        hosts.clear();
        put(defaultHost);
    }

    /** The hosts as the state file keeps them (credentials and node values, no sessions). */
    public JsonNode saveState() {
        return Json.MAPPER.valueToTree(hosts.values());
    }

    /** Replaces the hosts with saved ones; the caller then lets the cloud re-evaluate the agents. */
    public void restoreState(JsonNode saved) {
        hosts.values().forEach(host -> host.nodes.values().forEach(node -> cloud.agentRemoved(node.agent(host.host))));
        hosts.clear();
        for (JsonNode entry : saved) {
            O2gHost host = Json.MAPPER.convertValue(entry, O2gHost.class);
            hosts.put(host.host, host);
        }
        hosts.values().forEach(host -> host.nodes.values().forEach(node -> node.syncAgent(host.host, model)));
    }

    /** Hosts, nodes, their Rainbow and network values (unmasked) and agent status; passwords of hosts left out. */
    public ArrayNode snapshot() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        hosts.values().forEach(host -> {
            ObjectNode entry = list.addObject().put("host", host.host).put("username", host.username);
            ArrayNode nodes = entry.putArray("nodes");
            host.nodes.values().forEach(node -> {
                ObjectNode json = nodes.addObject()
                        .put("nodeId", node.nodeId)
                        .put("fqdn", node.fqdn)
                        .put("connected", node.connected)
                        .put("rainbowStatus", agentStatus(host, node).wireName());
                json.set("objects", Json.MAPPER.valueToTree(node.objects));
            });
        });
        return list;
    }

    static String normalize(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        return colon > 0 && name.indexOf(']') < colon ? name.substring(0, colon) : name;
    }
}
