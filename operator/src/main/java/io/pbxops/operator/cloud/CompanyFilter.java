package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.Format;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of {@code GET /companies} (null = not filtered). {@code name} matches part of the name, any case. */
public record CompanyFilter(String name, String bpId, String status, Boolean isBP, Format format) {

    /** Every company, full format. */
    public static CompanyFilter all() {
        return new CompanyFilter(null, null, null, null, Format.FULL);
    }

    public CompanyFilter withName(String value) {
        return new CompanyFilter(value, bpId, status, isBP, format);
    }

    public CompanyFilter withBpId(String value) {
        return new CompanyFilter(name, value, status, isBP, format);
    }

    public CompanyFilter withStatus(String value) {
        return new CompanyFilter(name, bpId, value, isBP, format);
    }

    public CompanyFilter withFormat(Format value) {
        return new CompanyFilter(name, bpId, status, isBP, value);
    }

    Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        QueryParams.put(query, "format", format == null ? null : format.wireValue());
        QueryParams.put(query, "name", name);
        QueryParams.put(query, "bpId", bpId);
        QueryParams.put(query, "status", status);
        QueryParams.put(query, "isBP", isBP);
        return query;
    }
}
