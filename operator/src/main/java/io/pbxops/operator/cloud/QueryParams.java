package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.PageRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Building query strings: only set values are sent; paging adds {@code limit} and {@code offset}. */
final class QueryParams {

    private QueryParams() {}

    static void put(Map<String, String> query, String key, Object value) {
        if (value != null) {
            query.put(key, value.toString());
        }
    }

    static Map<String, String> paged(Map<String, String> query, PageRequest page) {
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("limit", Integer.toString(page.limit()));
        paged.put("offset", Integer.toString(page.offset()));
        return paged;
    }
}
