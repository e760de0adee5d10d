package io.pbxops.operator.validation;

/**
 * One thing wrong with one object.
 *
 * @param field   dotted path of the field at fault ({@code spec.activation.mode}, {@code spec.rules[2].match}),
 *                or empty when the object as a whole is at fault
 * @param message what is wrong and, where it helps, what to do; never a secret value
 */
public record Problem(String field, String message) {

    public static Problem of(String field, String message) {
        return new Problem(field == null ? "" : field, message);
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
