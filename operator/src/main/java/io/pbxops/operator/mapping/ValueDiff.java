package io.pbxops.operator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The leaves that differ between two values, for people: a changed rule in a list of 40 shows as
 * {@code pbxNumberingTranslator[3].regexpReplace: "039067" → "039068"}, not as two lists of 40 rules.
 */
final class ValueDiff {

    /** One differing leaf ({@code from} or {@code to} missing: added or removed). */
    record Leaf(String path, JsonNode from, JsonNode to) {}

    private ValueDiff() {}

    static List<Leaf> leaves(String path, JsonNode from, JsonNode to) {
        List<Leaf> leaves = new ArrayList<>();
        collect(path, missingAsNull(from), missingAsNull(to), leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode from, JsonNode to, List<Leaf> leaves) {
        if (from != null && to != null && from.equals(to)) {
            return;
        }
        if (from != null && to != null && from.isObject() && to.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            from.fieldNames().forEachRemaining(names::add);
            to.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path + "." + name, from.get(name), to.get(name), leaves);
            }
        } else if (from != null && to != null && from.isArray() && to.isArray()) {
            for (int i = 0; i < Math.max(from.size(), to.size()); i++) {
                collect(path + "[" + i + "]", from.get(i), to.get(i), leaves);
            }
        } else {
            leaves.add(new Leaf(path, from, to));
        }
    }

    private static JsonNode missingAsNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }
}
