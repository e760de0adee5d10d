package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The O2G management service of an OmniPCX Enterprise, through which the operator configures the PBX itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PbxEndpoint {

    static final String HTTP_URL = "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s]*)?$";

    @Required
    @Pattern(HTTP_URL)
    @JsonPropertyDescription("Base URL of the O2G server, e.g. https://o2g.acme.example.")
    private String url;

    @Pattern(HTTP_URL)
    @JsonPropertyDescription("Base URL of a standby O2G server, used when the main one cannot be reached.")
    private String standbyUrl;

    @Required
    @Pattern("^[0-9]{1,6}$")
    @JsonPropertyDescription("The OXE node ID behind the O2G server, e.g. \"1\".")
    private String nodeId;

    @Required
    @JsonPropertyDescription("A Secret with the keys username and password of an O2G administrator account.")
    private LocalObjectReference credentialsSecretRef;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getStandbyUrl() {
        return standbyUrl;
    }

    public void setStandbyUrl(String standbyUrl) {
        this.standbyUrl = standbyUrl;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public LocalObjectReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(LocalObjectReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }
}
