package io.pbxops.operator.pbx.o2g;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure part of the discovery: names picked from a model. The part that reads O2G is in the contract test. */
class O2gRainbowDiscoveryTest {

    @Test
    void keepsConfiguredNamesThatTheModelHas() {
        O2gModel node = node(object("Rainbow", "Rainbow_Agent_Enable", "Rainbow_PBXID"), object("Rainbow_Network"));

        assertEquals(
                O2gRainbowNames.defaults(), O2gRainbowDiscovery.resolveObjects(node, O2gRainbowNames.defaults(), "1"));
    }

    @Test
    void findsRenamedObjectsAndAttributesByPattern() {
        O2gModel agent =
                object("RAINBOW_AGENT", "Agent_Enable", "Cloud_Domain", "Pbx_Id", "Activation_Key", "Link_Status");
        O2gModel node = node(object("Subscriber", "Annu_Name"), object("RainbowNetParams", "DNS1"), agent);

        O2gRainbowNames names = O2gRainbowDiscovery.resolveObjects(node, O2gRainbowNames.defaults(), "1");
        names = O2gRainbowDiscovery.resolveAttributes(agent, names);

        assertEquals("RAINBOW_AGENT", names.objectName());
        assertEquals("RainbowNetParams", names.networkObjectName());
        assertEquals("Agent_Enable", names.agentEnable());
        assertEquals("Cloud_Domain", names.domain());
        assertEquals("Pbx_Id", names.pbxId());
        assertEquals("Activation_Key", names.activationCode());
        assertEquals("Link_Status", names.connectionStatus());
    }

    @Test
    void withoutANetworkObjectInTheModelTheNetworkIsNotManaged() {
        O2gModel node = node(object("Rainbow", "Rainbow_Agent_Enable", "Rainbow_PBXID"), object("Subscriber"));

        assertNull(O2gRainbowDiscovery.resolveObjects(node, O2gRainbowNames.defaults(), "1")
                .networkObjectName());
    }

    @Test
    void aSubObjectIsReachedByTheFullPathTheRootLists() {
        assertEquals(
                "System_Parameters/1/Rainbow",
                O2gRainbowDiscovery.fullPath(List.of("Subscriber", "System_Parameters/1/Rainbow"), "Rainbow"));
        assertEquals("Rainbow", O2gRainbowDiscovery.fullPath(List.of("Subscriber"), "Rainbow"));
        assertEquals("System_Parameters/1/Rainbow%20Agent", O2gClient.segment("System_Parameters/1/Rainbow Agent"));
    }

    @Test
    void noRainbowObjectAtAllIsNotFound() {
        O2gModel node = node(object("Subscriber", "Annu_Name"));

        O2gNotFoundException e = assertThrows(
                O2gNotFoundException.class,
                () -> O2gRainbowDiscovery.resolveObjects(node, O2gRainbowNames.defaults(), "7"));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void attributesPrintWithoutSecretValues() {
        assertEquals(
                "O2gAttribute[name=Rainbow_Activation_Code, value=****]",
                O2gAttribute.of("Rainbow_Activation_Code", "8812").toString());
        assertEquals(
                "O2gAttribute[name=Rainbow_PBXID, value=****]",
                O2gAttribute.of("Rainbow_PBXID", "ALE12-1234.5678.90").toString());
        assertEquals(
                "O2gAttribute[name=Rainbow_Domain, value=[openrainbow.com]]",
                O2gAttribute.of("Rainbow_Domain", "openrainbow.com").toString());
    }

    private static O2gModel node(O2gModel... objects) {
        return new O2gModel("Node", false, false, false, false, true, List.of(), List.of(), List.of(objects));
    }

    private static O2gModel object(String name, String... attributes) {
        return new O2gModel(
                name,
                false,
                false,
                false,
                true,
                true,
                List.of(),
                Arrays.stream(attributes)
                        .map(a -> new O2gAttributeModel(
                                a, false, "OctetString", false, List.of(), null, null, false, null))
                        .toList(),
                List.of());
    }
}
