package io.pbxops.operator.pbx;

import java.util.List;

/**
 * What the PBX holds and says about its connection.
 *
 * @param agentEnabled the Rainbow agent is on
 * @param equipmentId  the PBX ID it holds
 * @param agentStatus  the agent's status, in the port's words
 * @param agentSays    the agent's status as the PBX said it (for people), or null
 * @param domain       the Rainbow domain it connects to, or null
 * @param network      the network prerequisites it holds (no password: it reads back masked), or null when the
 *                     endpoint does not let the operator set them ({@code networkManaged} false)
 * @param changes      what {@code apply} changed, for events (never a secret value)
 */
public record EndpointState(
        boolean agentEnabled,
        String equipmentId,
        AgentStatus agentStatus,
        String agentSays,
        String domain,
        EndpointSettings.Network network,
        boolean networkManaged,
        List<String> changes) {

    public EndpointState {
        changes = List.copyOf(changes);
        agentStatus = agentStatus == null ? AgentStatus.NONE : agentStatus;
    }

    @Override
    public String toString() {
        return "EndpointState[agentEnabled=" + agentEnabled + ", agentSays=" + agentSays + ", domain=" + domain
                + ", network=" + network + ", networkManaged=" + networkManaged + ", changes=" + changes + "]";
    }
}
