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
        return new SystemFilter(value, type, status, siteId, companyId, bpId, isShared, isCentrex, format,
                connectionHistory);
    }

    public SystemFilter withType(String value) {
        return new SystemFilter(name, value, status, siteId, companyId, bpId, isShared, isCentrex, format,
                connectionHistory);
    }

    public SystemFilter withStatus(String value) {
        return new SystemFilter(name, type, value, siteId, companyId, bpId, isShared, isCentrex, format,
                connectionHistory);
    }

    public SystemFilter withSiteId(String value) {
        return new SystemFilter(name, type, status, value, companyId, bpId, isShared, isCentrex, format,
                connectionHistory);
    }

    public SystemFilter withCompanyId(String value) {
        return new SystemFilter(name, type, status, siteId, value, bpId, isShared, isCentrex, format,
                connectionHistory);
    }

    public SystemFilter withBpId(String value) {
        return new SystemFilter(name, type, status, siteId, companyId, value, isShared, isCentrex, format,
                connectionHistory);
    }

    public SystemFilter withShared(Boolean value) {
        return new SystemFilter(name, type, status, siteId, companyId, bpId, value, isCentrex, format,
                connectionHistory);
    }

    public SystemFilter withCentrex(Boolean value) {
        return new SystemFilter(name, type, status, siteId, companyId, bpId, isShared, value, format,
                connectionHistory);
    }

    public SystemFilter withFormat(Format value) {
        return new SystemFilter(name, type, status, siteId, companyId, bpId, isShared, isCentrex, value,
                connectionHistory);
    }

    public SystemFilter withConnectionHistory(Boolean value) {
        return new SystemFilter(name, type, status, siteId, companyId, bpId, isShared, isCentrex, format, value);
    }

    Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "format", format == null ? null : format.wireValue());
        put(query, "name", name);
        put(query, "type", type);
        put(query, "status", status);
        put(query, "siteId", siteId);
        put(query, "companyId", companyId);
        put(query, "bpId", bpId);
        put(query, "isShared", isShared);
        put(query, "isCentrex", isCentrex);
        put(query, "connectionHistory", connectionHistory);
        return query;
    }

    static void put(Map<String, String> query, String key, Object value) {
        if (value != null) {
            query.put(key, value.toString());
        }
    }
}
