package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What every kind's status holds: the generation last acted on and Kubernetes-style conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class PbxOpsStatus {

    @JsonPropertyDescription("The metadata.generation the operator last acted on.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, Synced (and Connected for a Pbx), with stable reasons and messages for people.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : conditions;
    }
}
