package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class CompanyStatus extends PbxOpsStatus {

    @JsonPropertyDescription("The cloud company's ID.")
    private String companyId;

    @JsonPropertyDescription("The cloud site's ID, the one the company's PBXs link to.")
    private String siteId;

    @JsonPropertyDescription("The company's status as the cloud reports it (initializing, active, hold, ...).")
    private String cloudStatus;

    @JsonPropertyDescription("Number of PBXs linked to the company's site (its own and the shared ones).")
    private Integer pbxCount;

    public String getCompanyId() {
        return companyId;
    }

    public void setCompanyId(String companyId) {
        this.companyId = companyId;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getCloudStatus() {
        return cloudStatus;
    }

    public void setCloudStatus(String cloudStatus) {
        this.cloudStatus = cloudStatus;
    }

    public Integer getPbxCount() {
        return pbxCount;
    }

    public void setPbxCount(Integer pbxCount) {
        this.pbxCount = pbxCount;
    }
}
