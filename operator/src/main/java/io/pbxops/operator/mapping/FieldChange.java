package io.pbxops.operator.mapping;

import java.util.Objects;

/**
 * One field the cloud holds differently from the spec.
 *
 * @param field    the cloud's field ({@code pbxNationalPrefix}, {@code x-pbxops.ccd.withdrawReason})
 * @param observed what the cloud holds (null: nothing)
 * @param desired  what the spec wants
 */
public record FieldChange(String field, Object observed, Object desired) {

    @Override
    public String toString() {
        return field + ": " + show(observed) + " → " + show(desired);
    }

    static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        return value instanceof String text ? "\"" + text + "\"" : Objects.toString(value);
    }
}
