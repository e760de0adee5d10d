package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** How an OmniPCX Enterprise's Rainbow agent reaches the internet: directly (DNS servers) or through an HTTP proxy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.dns) != has(self.proxy)",
        reason = "FieldValueInvalid",
        message =
                "set either dns (direct internet access) or proxy (access through an HTTP proxy), exactly one of them")
public class PbxNetwork {

    @JsonPropertyDescription("Direct access: the DNS servers the Rainbow agent uses.")
    private PbxDns dns;

    @JsonPropertyDescription("Access through an HTTP proxy.")
    private PbxProxy proxy;

    public PbxDns getDns() {
        return dns;
    }

    public void setDns(PbxDns dns) {
        this.dns = dns;
    }

    public PbxProxy getProxy() {
        return proxy;
    }

    public void setProxy(PbxProxy proxy) {
        this.proxy = proxy;
    }
}
