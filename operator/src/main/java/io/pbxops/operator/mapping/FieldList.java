package io.pbxops.operator.mapping;

import java.util.List;

/** The fields a create would send, as changes from nothing: what {@code plan} shows for a new object. */
public final class FieldList {

    private FieldList() {}

    /** Every non-null field of {@code desired}, nested records field by field, with the cloud's field names. */
    public static <T extends Record> List<FieldChange> of(T desired) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) desired.getClass();
        return RecordDiff.diff(type, null, desired).fields();
    }
}
