package io.pbxops.operator.cloud.model;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.StringJoiner;

/** {@code toString} for records that carry a secret: the named components print as {@code ****} when set. */
final class Masking {

    static final String MASK = "****";

    private Masking() {}

    static String recordToString(Record record, Set<String> secretComponents) {
        StringJoiner joiner = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                value = "?";
            }
            if (value != null && secretComponents.contains(component.getName())) {
                value = MASK;
            }
            joiner.add(component.getName() + "=" + value);
        }
        return joiner.toString();
    }
}
