package io.pbxops.operator.pbx;

import java.util.List;

/**
 * What the PBX holds and says about its connection.
 *
 * @param agentEnabled     the Rainbow agent is on
 * @param equipmentId      the PBX ID it holds
 * @param connectionStatus the agent's own status (e.g. Connected, Connecting, Activation_Refused)
 * @param networkManaged   the endpoint lets the operator set the network prerequisites
 * @param changes          what {@code apply} changed, for events (never a secret value)
 */
public record EndpointState(
        boolean agentEnabled,
        String equipmentId,
        String connectionStatus,
        boolean networkManaged,
        List<String> changes) {

    public EndpointState {
        changes = List.copyOf(changes);
    }
}
