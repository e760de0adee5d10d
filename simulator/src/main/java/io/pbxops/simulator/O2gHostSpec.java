package io.pbxops.simulator;

import java.util.List;

/**
 * A virtual O2G host and its OmniPCX Enterprise nodes: the body of {@code POST /sim/v1/o2g/hosts}. The host is the
 * name clients send in {@code X-Forwarded-Host} ({@code default} when they send none).
 */
public record O2gHostSpec(String host, String username, String password, List<Node> nodes) {

    /** One OXE node; {@code connected = false} makes its management answer 503 ("PBX not connected"). */
    public record Node(String nodeId, String fqdn, Dns dns, Proxy proxy, Boolean connected) {

        public Node(String nodeId, String fqdn) {
            this(nodeId, fqdn, null, null, true);
        }
    }

    /** The node's DNS servers (netadmin menu 14). */
    public record Dns(String primary, String secondary) {}

    /** The node's HTTP proxy (netadmin menu 15). */
    public record Proxy(String host, Integer port, String login, String password) {
        @Override
        public String toString() {
            return "Proxy[host=" + host + ", port=" + port + ", login=" + login + "]";
        }
    }

    public O2gHostSpec {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (username == null || password == null) {
            throw new IllegalArgumentException("username and password are required");
        }
        nodes = nodes == null || nodes.isEmpty() ? List.of(new Node("1", "oxe1.sim.local")) : List.copyOf(nodes);
        for (Node node : nodes) {
            if (node.nodeId() == null || node.nodeId().isBlank()) {
                throw new IllegalArgumentException("every node needs a nodeId");
            }
        }
    }

    @Override
    public String toString() {
        return "O2gHostSpec[host=" + host + ", username=" + username + ", nodes=" + nodes + "]";
    }
}
