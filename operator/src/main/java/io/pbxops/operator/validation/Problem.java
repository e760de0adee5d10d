package io.pbxops.operator.validation;

/**
 * One thing wrong with one object.
 *
 * @param field   dotted path of the field at fault ({@code spec.activation.mode}, {@code spec.rules[2].match}),
 *                or empty when the object as a whole is at fault
 * @param message what is wrong and, where it helps, what to do; never a secret value
 * @param rule    which rule found it, stable for machines: {@code schema/<keyword>}, {@code cel},
 *                {@code check/<name>} or {@code fleet/<name>}
 */
public record Problem(String field, String message, String rule) {

    public static Problem of(String field, String message, String rule) {
        return new Problem(field == null ? "" : field, message, rule);
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
