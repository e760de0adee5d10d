package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PbxConference {

    @JsonPropertyDescription(
            "Participants can be called on their internal or external number (needs dialing.installationNumber).")
    private Boolean callPhoneNumbers;

    @JsonPropertyDescription("Participants can take part from their desk phone.")
    private Boolean participateFromDeskPhone;

    public Boolean getCallPhoneNumbers() {
        return callPhoneNumbers;
    }

    public void setCallPhoneNumbers(Boolean callPhoneNumbers) {
        this.callPhoneNumbers = callPhoneNumbers;
    }

    public Boolean getParticipateFromDeskPhone() {
        return participateFromDeskPhone;
    }

    public void setParticipateFromDeskPhone(Boolean participateFromDeskPhone) {
        this.participateFromDeskPhone = participateFromDeskPhone;
    }
}
