package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PbxShareSpec {

    @Required
    @JsonPropertyDescription("The shared Pbx (one with shared: true).")
    private LocalObjectReference pbxRef;

    @Required
    @JsonPropertyDescription("The company the PBX is associated with.")
    private LocalObjectReference companyRef;

    @JsonPropertyDescription(
            "Delete (default): deleting this object removes the PBX from that company only. Orphan: the link stays.")
    private DeletionPolicy deletionPolicy;

    public LocalObjectReference getPbxRef() {
        return pbxRef;
    }

    public void setPbxRef(LocalObjectReference pbxRef) {
        this.pbxRef = pbxRef;
    }

    public LocalObjectReference getCompanyRef() {
        return companyRef;
    }

    public void setCompanyRef(LocalObjectReference companyRef) {
        this.companyRef = companyRef;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    @JsonIgnore
    public DeletionPolicy effectiveDeletionPolicy() {
        return deletionPolicy == null ? DeletionPolicy.Delete : deletionPolicy;
    }
}
