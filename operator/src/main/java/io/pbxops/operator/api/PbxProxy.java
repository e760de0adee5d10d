package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PbxProxy {

    /** A host name or an IPv4 address. */
    static final String HOST = "^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*$";

    @Required
    @Pattern(HOST)
    @JsonPropertyDescription("Host name or IP address of the HTTP proxy.")
    private String host;

    @Required
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Port of the HTTP proxy.")
    private Integer port;

    @JsonPropertyDescription("A Secret with the keys username and password, when the proxy needs credentials.")
    private LocalObjectReference credentialsSecretRef;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public LocalObjectReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(LocalObjectReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }
}
