package io.pbxops.operator.pbx.o2g;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.simulator.OxeNames;
import io.pbxops.simulator.SimulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A simulator whose OXE uses other names than the operator's defaults: the discovery finds the Rainbow object and
 * its attributes by pattern, and the client can then write them.
 */
class O2gRenamedObjectsContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(SimulatorConfig.defaults()
            .withOxeNames(OxeNames.defaults()
                    .withOverrides(Map.of(
                            "rainbowObject", "RAINBOW_AGENT",
                            "agentEnable", "Agent_Enable",
                            "pbxId", "Pbx_Id",
                            "activationCode", "Activation_Key",
                            "networkObject", "RainbowNetParams"))));

    @Test
    void discoveryFindsTheRenamedObjectAndAttributes() {
        O2gClient o2g = O2gClient.create(
                O2gGateway.of(
                        SIM.o2gUrl(), SIM.config().o2gLogin(), SIM.config().o2gPassword()),
                O2gClientConfig.defaults());

        O2gRainbowNames names = O2gRainbowDiscovery.discover(o2g, "1", O2gRainbowNames.defaults());

        assertEquals("RAINBOW_AGENT", names.objectName());
        assertEquals("RainbowNetParams", names.networkObjectName());
        assertEquals("Agent_Enable", names.agentEnable());
        assertEquals("Pbx_Id", names.pbxId());
        assertEquals("Activation_Key", names.activationCode());
        assertEquals("Rainbow_Domain", names.domain(), "a configured name the model has is kept");

        o2g.setAttributes("1", names.objectName(), names.instanceId(), List.of(O2gAttribute.of(names.pbxId(), "X1")));
        assertEquals(
                "X1",
                o2g.getInstance("1", names.objectName(), names.instanceId(), names.pbxId())
                        .value(names.pbxId())
                        .orElseThrow());
        o2g.close();
    }
}
