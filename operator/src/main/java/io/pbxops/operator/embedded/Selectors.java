package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field and label selectors ({@code ?fieldSelector=involvedObject.name=acme,type!=Normal&labelSelector=app in (a,b)})
 * as kube-apiserver matches them, with the same field labels per kind: an unsupported field label is refused (400),
 * as it is there.
 */
final class Selectors {

    /** A selector the server cannot match: kubectl prints the message. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    private static final Set<String> EVERY_KIND = Set.of("metadata.name", "metadata.namespace");
    /** The field labels kube-apiserver accepts beyond name and namespace, for the built-in kinds served here. */
    private static final Map<String, Set<String>> FIELDS_BY_KIND = Map.of(
            "Event",
            Set.of(
                    "involvedObject.kind",
                    "involvedObject.namespace",
                    "involvedObject.name",
                    "involvedObject.uid",
                    "involvedObject.apiVersion",
                    "involvedObject.resourceVersion",
                    "involvedObject.fieldPath",
                    "reason",
                    "reportingComponent",
                    "source",
                    "type"),
            "Secret",
            Set.of("type"),
            "Namespace",
            Set.of("status.phase"));

    private static final Pattern SET_TERM = Pattern.compile("^\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*$");

    private Selectors() {}

    /** Every object for empty selectors; throws {@link Unsupported} for a field label the kind does not have. */
    static Predicate<JsonNode> of(String kind, String fieldSelector, String labelSelector) {
        Predicate<JsonNode> fields = fields(kind, fieldSelector == null ? "" : fieldSelector);
        Predicate<JsonNode> labels = labels(labelSelector == null ? "" : labelSelector);
        return fields.and(labels);
    }

    /** Whether the selector names only what the mock's store matches itself (name and namespace). */
    static boolean onlyNameAndNamespace(String fieldSelector) {
        for (String term : terms(fieldSelector)) {
            String field = term.split("!=|==|=", 2)[0].trim();
            if (!EVERY_KIND.contains(field) || term.contains("!=")) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<JsonNode> fields(String kind, String selector) {
        Predicate<JsonNode> all = object -> true;
        for (String term : terms(selector)) {
            boolean negated = term.contains("!=");
            String[] pair = term.split("!=|==|=", 2);
            if (pair.length != 2) {
                throw new Unsupported("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            String field = pair[0].trim();
            String value = pair[1].trim();
            if (!EVERY_KIND.contains(field)
                    && !FIELDS_BY_KIND.getOrDefault(kind, Set.of()).contains(field)) {
                throw new Unsupported("field label not supported: " + field);
            }
            Predicate<JsonNode> matches = object -> value.equals(fieldValue(object, field));
            all = all.and(negated ? matches.negate() : matches);
        }
        return all;
    }

    private static String fieldValue(JsonNode object, String field) {
        if (field.equals("source")) {
            return object.at("/source/component").asText("");
        }
        JsonNode value = object.at("/" + field.replace('.', '/'));
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static Predicate<JsonNode> labels(String selector) {
        Predicate<JsonNode> all = object -> true;
        for (String term : labelTerms(selector)) {
            all = all.and(labelTerm(term));
        }
        return all;
    }

    private static Predicate<JsonNode> labelTerm(String term) {
        Matcher set = SET_TERM.matcher(term);
        if (set.matches()) {
            String key = set.group(1);
            List<String> values = new ArrayList<>();
            for (String value : set.group(3).split(",")) {
                values.add(value.trim());
            }
            Predicate<JsonNode> in = object -> {
                JsonNode label = object.path("metadata").path("labels").get(key);
                return label != null && values.contains(label.asText());
            };
            return set.group(2).equals("in") ? in : in.negate();
        }
        String trimmed = term.trim();
        if (trimmed.startsWith("!")) {
            String key = trimmed.substring(1).trim();
            return object -> !object.path("metadata").path("labels").has(key);
        }
        String[] pair = trimmed.split("!=|==|=", 2);
        String key = pair[0].trim();
        if (pair.length == 1) {
            return object -> object.path("metadata").path("labels").has(key);
        }
        String value = pair[1].trim();
        Predicate<JsonNode> equal = object -> {
            JsonNode label = object.path("metadata").path("labels").get(key);
            return label != null && label.asText().equals(value);
        };
        return trimmed.contains("!=") ? equal.negate() : equal;
    }

    private static List<String> terms(String selector) {
        List<String> terms = new ArrayList<>();
        for (String term : selector.split(",")) {
            if (!term.isBlank()) {
                terms.add(term.trim());
            }
        }
        return terms;
    }

    /** Label terms split on commas outside parentheses ({@code env in (a,b),tier=web}). */
    private static List<String> labelTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                terms.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        terms.add(current.toString());
        terms.removeIf(String::isBlank);
        return terms;
    }
}
