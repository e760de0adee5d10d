package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.Format;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of {@code GET /systems} (null = not filtered). {@code name} matches part of the name, case-insensitive.
 *
 * @param status {@code created}, {@code activating}, {@code activated}, {@code terminated}
 */
public record SystemFilter(
        String name,
        String type,
        String status,
        String siteId,
        String companyId,
        String bpId,
        Boolean isShared,
        Boolean isCentrex,
        Format format,
        Boolean connectionHistory) {

    /** Every system, full format. */
    public static SystemFilter all() {
        return new SystemFilter(null, null, null, null, null, null, null, null, Format.FULL, null);
    }

    public SystemFilter withName(String value) {
        return new SystemFilter(
                value, type, status, siteId, companyId, bpId, isShared, isCentrex, format, connectionHistory);
    }

    public SystemFilter withType(String value) {
        return new SystemFilter(
                name, value, status, siteId, companyId, bpId, isShared, isCentrex, format, connectionHistory);
    }

    public SystemFilter withStatus(String value) {
        return new SystemFilter(
                name, type, value, siteId, companyId, bpId, isShared, isCentrex, format, connectionHistory);
    }

    public SystemFilter withSiteId(String value) {
        return new SystemFilter(
                name, type, status, value, companyId, bpId, isShared, isCentrex, format, connectionHistory);
    }

    public SystemFilter withCompanyId(String value) {
        return new SystemFilter(
                name, type, status, siteId, value, bpId, isShared, isCentrex, format, connectionHistory);
    }

    public SystemFilter withBpId(String value) {
        return new SystemFilter(
                name, type, status, siteId, companyId, value, isShared, isCentrex, format, connectionHistory);
    }

    public SystemFilter withShared(Boolean value) {
        return new SystemFilter(
                name, type, status, siteId, companyId, bpId, value, isCentrex, format, connectionHistory);
    }

    public SystemFilter withCentrex(Boolean value) {
        return new SystemFilter(
                name, type, status, siteId, companyId, bpId, isShared, value, format, connectionHistory);
    }

    public SystemFilter withFormat(Format value) {
        return new SystemFilter(
                name, type, status, siteId, companyId, bpId, isShared, isCentrex, value, connectionHistory);
    }

    public SystemFilter withConnectionHistory(Boolean value) {
        return new SystemFilter(name, type, status, siteId, companyId, bpId, isShared, isCentrex, format, value);
    }

    Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        QueryParams.put(query, "format", format == null ? null : format.wireValue());
        QueryParams.put(query, "name", name);
        QueryParams.put(query, "type", type);
        QueryParams.put(query, "status", status);
        QueryParams.put(query, "siteId", siteId);
        QueryParams.put(query, "companyId", companyId);
        QueryParams.put(query, "bpId", bpId);
        QueryParams.put(query, "isShared", isShared);
        QueryParams.put(query, "isCentrex", isCentrex);
        QueryParams.put(query, "connectionHistory", connectionHistory);
        return query;
    }
}
