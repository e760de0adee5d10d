package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebRtcGatewayStatus extends PbxOpsStatus {

    @JsonPropertyDescription("The gateway's own PBX ID in the cloud, e.g. PBXa1b1-0000-0000-0000-0000-0000-c1d1.")
    private String gatewayId;

    @JsonPropertyDescription(
            "The gateway's object ID in the cloud: the one this object created or adopted (its claim).")
    private String cloudId;

    @JsonPropertyDescription("The software version the gateway runs.")
    private String runningVersion;

    @JsonPropertyDescription("The newest software version available for it.")
    private String availableVersion;

    @JsonPropertyDescription("Online, Upgrading, Maintenance or Offline.")
    private GatewayState state;

    public String getGatewayId() {
        return gatewayId;
    }

    public void setGatewayId(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    public String getCloudId() {
        return cloudId;
    }

    public void setCloudId(String cloudId) {
        this.cloudId = cloudId;
    }

    public String getRunningVersion() {
        return runningVersion;
    }

    public void setRunningVersion(String runningVersion) {
        this.runningVersion = runningVersion;
    }

    public String getAvailableVersion() {
        return availableVersion;
    }

    public void setAvailableVersion(String availableVersion) {
        this.availableVersion = availableVersion;
    }

    public GatewayState getState() {
        return state;
    }

    public void setState(GatewayState state) {
        this.state = state;
    }
}
