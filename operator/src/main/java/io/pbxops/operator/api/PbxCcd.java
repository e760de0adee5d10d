package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** CCD (call-centre) agents' behaviour in Rainbow calls and in do-not-disturb; OmniPCX Enterprise only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "!((has(self.withdrawWhenBusy) && self.withdrawWhenBusy) || (has(self.withdrawInDnd) && self.withdrawInDnd))"
                        + " || has(self.withdrawReason)",
        fieldPath = ".withdrawReason",
        reason = "FieldValueRequired",
        message =
                "a CCD withdraw needs a withdraw reason from 0 to 9 (the type of unavailability configured in the PBX)")
public class PbxCcd {

    @JsonPropertyDescription("Agents in a Rainbow call or conference are withdrawn from CCD call distribution.")
    private Boolean withdrawWhenBusy;

    @JsonPropertyDescription("Agents in DND ignore PBX VoIP calls (CCD calls are still notified).")
    private Boolean ignorePbxCallsInDnd;

    @JsonPropertyDescription("Agents in DND are withdrawn from CCD call distribution.")
    private Boolean withdrawInDnd;

    @Min(0)
    @Max(9)
    @JsonPropertyDescription("The withdraw type, 0 to 9; required once a withdraw is on.")
    private Integer withdrawReason;

    public Boolean getWithdrawWhenBusy() {
        return withdrawWhenBusy;
    }

    public void setWithdrawWhenBusy(Boolean withdrawWhenBusy) {
        this.withdrawWhenBusy = withdrawWhenBusy;
    }

    public Boolean getIgnorePbxCallsInDnd() {
        return ignorePbxCallsInDnd;
    }

    public void setIgnorePbxCallsInDnd(Boolean ignorePbxCallsInDnd) {
        this.ignorePbxCallsInDnd = ignorePbxCallsInDnd;
    }

    public Boolean getWithdrawInDnd() {
        return withdrawInDnd;
    }

    public void setWithdrawInDnd(Boolean withdrawInDnd) {
        this.withdrawInDnd = withdrawInDnd;
    }

    public Integer getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(Integer withdrawReason) {
        this.withdrawReason = withdrawReason;
    }
}
