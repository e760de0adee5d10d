package io.pbxops.simulator.o2g;

import io.pbxops.simulator.OxeNames;
import io.pbxops.simulator.agent.AgentStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OXE management model the simulated nodes expose: the Rainbow object and the network object (names from
 * {@link OxeNames}, placeholders), and a few subscribers so the model does not look Rainbow-only.
 */
final class OxeModel {

    static final String ROOT = "Node";
    static final String SUBSCRIBER = "Subscriber";
    static final String SINGLE_INSTANCE = "1";
    static final List<String> YES_NO = List.of("Yes", "No");

    private final OxeNames names;
    private final Map<String, ObjectModel> objects = new LinkedHashMap<>();

    OxeModel(OxeNames names) {
        this.names = names;
        List<String> statuses =
                Arrays.stream(AgentStatus.values()).map(AgentStatus::wireName).toList();
        objects.put(
                names.rainbowObject(),
                ObjectModel.settable(
                        names.rainbowObject(),
                        List.of(
                                AttributeModel.enumerated(names.agentEnable(), YES_NO, "No"),
                                AttributeModel.text(names.domain(), 255, "openrainbow.com"),
                                AttributeModel.text(names.pbxId(), 256, ""),
                                AttributeModel.text(names.activationCode(), 256, "")
                                        .asWriteOnly(),
                                AttributeModel.enumerated(
                                                names.connectionStatus(), statuses, AgentStatus.DISABLED.wireName())
                                        .asReadOnly())));
        objects.put(
                names.networkObject(),
                ObjectModel.settable(
                        names.networkObject(),
                        List.of(
                                AttributeModel.text(names.dnsPrimary(), 64, ""),
                                AttributeModel.text(names.dnsSecondary(), 64, ""),
                                AttributeModel.text(names.proxyHost(), 255, ""),
                                AttributeModel.text(names.proxyPort(), 5, ""),
                                AttributeModel.text(names.proxyLogin(), 64, ""),
                                AttributeModel.text(names.proxyPassword(), 64, "")
                                        .asWriteOnly())));
        objects.put(
                SUBSCRIBER,
                new ObjectModel(
                        SUBSCRIBER,
                        false,
                        true,
                        true,
                        true,
                        true,
                        List.of(),
                        List.of(
                                AttributeModel.text("Annu_Name", 20, ""),
                                AttributeModel.text("Annu_First_Name", 20, ""),
                                AttributeModel.enumerated(
                                        "Station_Type",
                                        List.of("UA_VIRTUAL", "IP_Phone", "SIP_Extension", "NOE_IP"),
                                        "NOE_IP")),
                        List.of()));
    }

    OxeNames names() {
        return names;
    }

    ObjectModel root() {
        return new ObjectModel(
                ROOT, false, false, false, false, true, List.of(), List.of(), List.copyOf(objects.values()));
    }

    Optional<ObjectModel> object(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    List<String> objectNames() {
        return List.copyOf(objects.keySet());
    }
}
