package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PbxShareStatus extends PbxOpsStatus {

    @JsonPropertyDescription("Whether the PBX is linked to the company's site in the cloud.")
    private Boolean linked;

    @JsonPropertyDescription("The company's site the PBX is linked to.")
    private String siteId;

    public Boolean getLinked() {
        return linked;
    }

    public void setLinked(Boolean linked) {
        this.linked = linked;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }
}
