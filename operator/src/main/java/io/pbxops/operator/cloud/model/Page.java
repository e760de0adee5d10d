package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One page of a list answer: {@code {data: [...], limit, offset, total}}.
 *
 * @param data the items of this page (never null)
 * @param limit the page size the cloud applied
 * @param offset the index of the first item
 * @param total how many items match in all
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> data, int limit, int offset, int total) {

    public Page {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** True when no item lies after this page. */
    public boolean isLast() {
        return data.isEmpty() || offset + data.size() >= total;
    }
}
