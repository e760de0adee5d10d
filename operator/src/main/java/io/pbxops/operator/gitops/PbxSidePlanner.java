package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxEndpoint;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the operator would enter on an OmniPCX Enterprise through its O2G endpoint: only while the cloud shows the PBX
 * Pending (new, reset, or not activated yet), and only what differs. Values are never shown: the PBX ID of a fleet
 * PBX is its activation code.
 */
final class PbxSidePlanner {

    private static final Set<String> CODE_NEEDED =
            Set.of(O2gRainbowNames.STATUS_ACTIVATION_REFUSED, O2gRainbowNames.STATUS_DISABLED);

    private final PbxSide pbxSide;

    PbxSidePlanner(PbxSide pbxSide) {
        this.pbxSide = pbxSide;
    }

    void plan(Pbx pbx, CloudSystem system, List<PlanStep> steps) {
        PbxEndpoint endpoint = pbx.getSpec().getEndpoint();
        boolean reset = steps.stream().anyMatch(step -> step.action() == PlanAction.RESET);
        if (endpoint == null || system != null && CloudSystem.STATUS_ACTIVATED.equals(system.status()) && !reset) {
            return;
        }
        if (pbxSide == null) {
            steps.add(PlanStep.of(
                    PlanAction.UNKNOWN,
                    "the operator enters the activation data on the PBX through O2G " + endpoint.getUrl()
                            + " while it is Pending; --pbx-endpoints reads what the PBX holds"));
            return;
        }
        PbxSide.Reading reading = pbxSide.read(pbx);
        if (reading.state() == null) {
            steps.add(PlanStep.of(PlanAction.UNKNOWN, "cannot read the PBX: " + reading.unreadable()));
            return;
        }
        EndpointState state = reading.state();
        List<String> writes = new ArrayList<>();
        if (!state.agentEnabled()) {
            writes.add("enable the Rainbow agent");
        }
        if (system == null || !Objects.equals(state.equipmentId(), system.pbxId())) {
            writes.add("enter the PBX ID");
        }
        if (system == null
                || reset
                || state.connectionStatus() == null
                || CODE_NEEDED.contains(state.connectionStatus())) {
            writes.add("enter the activation code");
        }
        if (pbx.getSpec().getNetwork() != null && state.networkManaged()) {
            writes.add("set the network prerequisites where they differ");
        }
        steps.add(PlanStep.of(
                PlanAction.CONFIGURE_PBX,
                "through O2G " + endpoint.getUrl() + " (the agent says "
                        + Objects.requireNonNullElse(state.connectionStatus(), "nothing") + "): "
                        + String.join(", ", writes)));
    }
}
