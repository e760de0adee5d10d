package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.Channel;
import io.pbxops.simulator.agent.RainbowAgent;
import io.pbxops.simulator.support.Json;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A system (PBX, communication server) of the cloud, with its activation state. */
final class PbxSystem {

    static final String CREATED = "created";
    static final String ACTIVATING = "activating";
    static final String ACTIVATED = "activated";

    String id;
    String pbxId;
    SystemSettings settings;
    String activationCode;
    boolean isCentrex;
    boolean isOxoManaged;
    List<String> siteIds = new ArrayList<>();
    String bpId;
    String status = CREATED;
    String activatingTransactionId = "";
    String privateCode = "";
    String finalPassword = "";
    String pcgJid;
    String pcgPassword;
    String creationDate;
    String statusUpdatedDate;
    boolean secretIdentityActive;
    List<ConnectionEvent> connectionHistory = new ArrayList<>();
    Set<Channel> channelsDown = EnumSet.noneOf(Channel.class);

    /** The PBX agent currently connected for this system (none while it is not activated and connected). */
    transient RainbowAgent connectedAgent;
    /** The PBX agent whose activation handshake is under way. */
    transient RainbowAgent handshakeAgent;

    boolean isShared() {
        return SystemExtensions.isTrue(settings.isShared());
    }

    boolean isActivated() {
        return ACTIVATED.equals(status);
    }

    boolean channelUp(Channel channel) {
        return isActivated() && connectedAgent != null && !channelsDown.contains(channel);
    }

    /** @param withExtensions whether {@code x-pbxops} is shown (the extended profile) or left out (documented) */
    ObjectNode toJson(boolean hasMediaPillar, boolean withHistory, boolean withExtensions) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("id", id);
        json.setAll((ObjectNode) Json.MAPPER.valueToTree(settings));
        if (withExtensions && json.get("x-pbxops") instanceof ObjectNode extensions) {
            extensions.put("secretIdentityActive", secretIdentityActive);
        } else {
            json.remove("x-pbxops");
        }
        json.put("pbxId", pbxId);
        json.put("isCentrex", isCentrex);
        json.put("isOxoManaged", isOxoManaged);
        json.put("bpId", bpId);
        siteIds.forEach(json.putArray("siteId")::add);
        json.put("status", status);
        json.put("jid_pbxagent", pbxId.toLowerCase() + "@" + Activation.RAINBOW_DOMAIN);
        json.put("jid_pbxagent_password", isActivated() ? finalPassword : activationCode);
        json.put("jid_pbxpcg", pcgJid);
        json.put("jid_pbxpcg_password", pcgPassword);
        json.put("activatingTransactionId", activatingTransactionId);
        json.put("jid_pbxagent_password_activating", ACTIVATING.equals(status) ? privateCode : "");
        json.put("hasMediaPillar", hasMediaPillar);
        json.put("serialNumber", "");
        json.put("creationDate", creationDate);
        json.put("statusUpdatedDate", statusUpdatedDate);
        if (withHistory) {
            json.set("connectionHistory", Json.MAPPER.valueToTree(connectionHistory));
        }
        return json;
    }
}
