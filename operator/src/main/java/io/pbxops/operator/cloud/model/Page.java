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

    /**
     * True when no item lies after this page: by {@code total} when the answer gives one, else when the page came
     * back short.
     */
    public boolean isLast() {
        if (data.isEmpty()) {
            return true;
        }
        return total > 0 ? offset + data.size() >= total : data.size() < limit;
    }
}
