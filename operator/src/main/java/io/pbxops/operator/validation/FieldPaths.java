package io.pbxops.operator.validation;

/** Converts between the JSON pointers of the schema tools and the dotted field paths people read. */
final class FieldPaths {

    private FieldPaths() {}

    /** {@code /spec/rules/2/match} → {@code spec.rules[2].match}. */
    static String fromPointer(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String raw : pointer.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(part);
            }
        }
        return path.toString();
    }

    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A CEL rule's {@code fieldPath} ({@code .activation.mode}) below the object the rule sits on. */
    static String resolve(String base, String relativeFieldPath) {
        if (relativeFieldPath == null || relativeFieldPath.isEmpty()) {
            return base;
        }
        String relative = relativeFieldPath.startsWith(".") ? relativeFieldPath.substring(1) : relativeFieldPath;
        return base.isEmpty() ? relative : base + "." + relative;
    }
}
