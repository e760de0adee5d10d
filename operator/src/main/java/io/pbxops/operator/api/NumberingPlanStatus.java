package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class NumberingPlanStatus extends PbxOpsStatus {

    @JsonPropertyDescription("Length of internal numbers: the length of the longest extension.")
    private Integer internalNumberLength;

    @JsonPropertyDescription("Worked examples that give the expected result.")
    private Integer examplesPassed;

    @JsonPropertyDescription("Worked examples in all.")
    private Integer examplesTotal;

    @JsonPropertyDescription("Number of Pbx objects that use this plan.")
    private Integer pbxCount;

    public Integer getInternalNumberLength() {
        return internalNumberLength;
    }

    public void setInternalNumberLength(Integer internalNumberLength) {
        this.internalNumberLength = internalNumberLength;
    }

    public Integer getExamplesPassed() {
        return examplesPassed;
    }

    public void setExamplesPassed(Integer examplesPassed) {
        this.examplesPassed = examplesPassed;
    }

    public Integer getExamplesTotal() {
        return examplesTotal;
    }

    public void setExamplesTotal(Integer examplesTotal) {
        this.examplesTotal = examplesTotal;
    }

    public Integer getPbxCount() {
        return pbxCount;
    }

    public void setPbxCount(Integer pbxCount) {
        this.pbxCount = pbxCount;
    }
}
