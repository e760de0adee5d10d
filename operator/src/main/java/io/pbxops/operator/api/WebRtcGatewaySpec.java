package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.type != 'External' || has(self.address)",
        fieldPath = ".address",
        reason = "FieldValueRequired",
        message = "an External gateway needs its IP address")
@ValidationRule(
        value = "self.type != 'External' || has(self.voiceChannels)",
        fieldPath = ".voiceChannels",
        reason = "FieldValueRequired",
        message = "an External gateway needs its number of voice channels")
@ValidationRule(
        value = "self.type == 'External' || (!has(self.address) && !has(self.voiceChannels))",
        fieldPath = ".type",
        reason = "FieldValueInvalid",
        message = "address and voiceChannels are only set on an External gateway")
public class WebRtcGatewaySpec {

    /** The software version wanted: a version, or {@code latest} to follow the newest available one. */
    public static final String LATEST = "latest";

    @Required
    @JsonPropertyDescription("The Pbx this gateway belongs to; its webRtc.enabled must be true.")
    private LocalObjectReference pbxRef;

    @Required
    @JsonPropertyDescription(
            "Cloud (\"Not configured from Rainbow\"), Internal (OXO Connect Evolution only) or External.")
    private GatewayType type;

    @Pattern(PbxDns.IPV4)
    @JsonPropertyDescription("External only (required there): the gateway's IPv4 address.")
    private String address;

    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("External only (required there): the number of voice channels allocated.")
    private Integer voiceChannels;

    @Pattern("^(latest|[0-9]+(\\.[0-9]+){1,3})$")
    @JsonPropertyDescription(
            "The wanted software version, e.g. 2.5.0, or latest (default) to update whenever a newer one is available.")
    private String softwareVersion;

    @JsonPropertyDescription("Put the gateway in maintenance mode.")
    private Boolean maintenance;

    @JsonPropertyDescription("Delete (default): remove the gateway from the cloud with this object. Orphan: leave it.")
    private DeletionPolicy deletionPolicy;

    public LocalObjectReference getPbxRef() {
        return pbxRef;
    }

    public void setPbxRef(LocalObjectReference pbxRef) {
        this.pbxRef = pbxRef;
    }

    public GatewayType getType() {
        return type;
    }

    public void setType(GatewayType type) {
        this.type = type;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getVoiceChannels() {
        return voiceChannels;
    }

    public void setVoiceChannels(Integer voiceChannels) {
        this.voiceChannels = voiceChannels;
    }

    public String getSoftwareVersion() {
        return softwareVersion;
    }

    public void setSoftwareVersion(String softwareVersion) {
        this.softwareVersion = softwareVersion;
    }

    public Boolean getMaintenance() {
        return maintenance;
    }

    public void setMaintenance(Boolean maintenance) {
        this.maintenance = maintenance;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    @JsonIgnore
    public String effectiveSoftwareVersion() {
        return softwareVersion == null ? LATEST : softwareVersion;
    }

    @JsonIgnore
    public DeletionPolicy effectiveDeletionPolicy() {
        return deletionPolicy == null ? DeletionPolicy.Delete : deletionPolicy;
    }
}
