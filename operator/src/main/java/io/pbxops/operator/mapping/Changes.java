package io.pbxops.operator.mapping;

import java.util.List;

/**
 * What must change in the cloud for one object.
 *
 * @param update the partial update to send: the changed fields only (null when nothing changes)
 * @param fields the changes, field by field, for events and {@code plan}
 */
public record Changes<T>(T update, List<FieldChange> fields) {

    public Changes {
        fields = List.copyOf(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The changes for people, as {@code plan} shows them: {@code field: old → new}, leaf by leaf. */
    public String describe() {
        return ChangeText.describe(fields);
    }
}
