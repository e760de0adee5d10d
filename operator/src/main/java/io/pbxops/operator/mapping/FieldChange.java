package io.pbxops.operator.mapping;

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
        return String.join(", ", ChangeText.leaves(this));
    }
}
