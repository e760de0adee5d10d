package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of kubectl's JSONPath that printer columns use: {@code .a.b}, {@code .a[0]}, {@code .a[*].b} and filters
 * {@code .a[?(@.type=="Ready")].status}. Enough for the CRDs of this project; anything else finds nothing.
 */
final class JsonPath {

    private static final Pattern FILTER =
            Pattern.compile("^\\?\\(@\\.([A-Za-z0-9_]+)\\s*==\\s*[\"']([^\"']*)[\"']\\)$");

    private final List<String> steps;

    private JsonPath(List<String> steps) {
        this.steps = steps;
    }

    static JsonPath parse(String expression) {
        String text = expression.trim();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1);
        }
        List<String> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end > i + 1) {
                    steps.add(text.substring(i + 1, end));
                }
                i = end;
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    break;
                }
                steps.add("[" + text.substring(i + 1, end) + "]");
                i = end + 1;
            } else {
                i++;
            }
        }
        return new JsonPath(List.copyOf(steps));
    }

    /** Every value the path reaches, in document order. */
    List<JsonNode> find(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (String step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (!step.startsWith("[")) {
                    JsonNode child = node.get(step);
                    if (child != null && !child.isNull()) {
                        next.add(child);
                    }
                    continue;
                }
                String selector = step.substring(1, step.length() - 1);
                if (!node.isArray()) {
                    continue;
                }
                Matcher filter = FILTER.matcher(selector);
                if (selector.equals("*")) {
                    node.forEach(next::add);
                } else if (filter.matches()) {
                    for (JsonNode item : node) {
                        if (filter.group(2).equals(item.path(filter.group(1)).asText(null))) {
                            next.add(item);
                        }
                    }
                } else if (selector.matches("-?\\d+")) {
                    int index = Integer.parseInt(selector);
                    JsonNode item = node.get(index < 0 ? node.size() + index : index);
                    if (item != null) {
                        next.add(item);
                    }
                }
            }
            current = next;
        }
        return current;
    }
}
