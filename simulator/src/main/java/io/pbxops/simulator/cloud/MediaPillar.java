package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;

/** A WebRTC gateway ("media pillar") of a system: invented admin resource, EXTENSIONS.md §1.2. */
final class MediaPillar {

    String id;
    String pbxId;
    String systemId;
    String name;
    String type;
    String address;
    Integer voiceChannels;
    String runningVersion;
    String targetVersion;
    boolean maintenance;
    boolean defaultRoute;
    String creationDate;

    /** Derived, so that it can never disagree with the versions and the maintenance flag. */
    String state() {
        if (maintenance) {
            return "maintenance";
        }
        return runningVersion.equals(targetVersion) ? "online" : "upgrading";
    }

    ObjectNode toJson(String availableVersion) {
        return Json.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("pbxId", pbxId)
                .put("systemId", systemId)
                .put("name", name)
                .put("type", type)
                .put("address", address)
                .put("voiceChannels", voiceChannels)
                .put("runningVersion", runningVersion)
                .put("availableVersion", availableVersion)
                .put("targetVersion", targetVersion)
                .put("state", state())
                .put("maintenance", maintenance)
                .put("defaultRoute", defaultRoute)
                .put("creationDate", creationDate);
    }
}
