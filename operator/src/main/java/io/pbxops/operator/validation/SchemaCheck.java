package io.pbxops.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a Kubernetes API server checks against a CRD's {@code openAPIV3Schema} (types, enums, patterns, bounds, required
 * fields), with json-schema-validator, plus the fields the schema does not declare: kubectl's strict field validation
 * refuses those, and in a pull request they are nearly always typos.
 */
final class SchemaCheck {

    private final Schema schema;
    private final JsonNode schemaNode;

    SchemaCheck(JsonNode openApiSchema) {
        this.schemaNode = openApiSchema;
        this.schema =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(openApiSchema);
    }

    List<Problem> check(JsonNode object) {
        List<Problem> problems = new ArrayList<>();
        for (Error error : schema.validate(object)) {
            String field = FieldPaths.fromPointer(error.getInstanceLocation()
                    .toString()
                    .replaceFirst("^\\$", "")
                    .replace('.', '/'));
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                problems.add(Problem.of(
                        FieldPaths.child(field, error.getProperty()), "required field is missing", "schema/required"));
            } else {
                problems.add(Problem.of(field, describe(error), "schema/" + error.getKeyword()));
            }
        }
        unknownFields(object, schemaNode, "", problems);
        return problems;
    }

    /** Messages for people: the value at fault and the rule, in words rather than the library's wording. */
    private static String describe(Error error) {
        JsonNode value = error.getInstanceNode();
        JsonNode schemaNode = error.getSchemaNode();
        // Depending on the keyword the library hands over the schema object or the keyword's own value.
        JsonNode rule = schemaNode != null && schemaNode.isObject() && schemaNode.has(error.getKeyword())
                ? schemaNode.get(error.getKeyword())
                : schemaNode;
        String shown = value == null ? "the value" : value.toString();
        if (rule != null) {
            switch (error.getKeyword()) {
                case "enum" -> {
                    List<String> allowed = new ArrayList<>();
                    rule.forEach(v -> allowed.add(v.asText()));
                    return shown + " is not one of " + String.join(", ", allowed);
                }
                case "pattern" -> {
                    return shown + " does not match " + rule.asText();
                }
                case "maximum" -> {
                    return shown + " is more than the maximum, " + rule.asLong();
                }
                case "minimum" -> {
                    return shown + " is less than the minimum, " + rule.asLong();
                }
                case "maxLength" -> {
                    return "is longer than " + rule.asLong() + " characters";
                }
                case "minLength" -> {
                    return rule.asLong() == 1
                            ? "must not be empty"
                            : "is shorter than " + rule.asLong() + " characters";
                }
                case "type" -> {
                    String type = rule.asText();
                    return shown + " is not "
                            + (type.startsWith("a") || type.startsWith("o") || type.startsWith("i") ? "an " : "a ")
                            + type;
                }
                case "maxItems" -> {
                    return "has " + (value == null ? "too many" : value.size()) + " items, at most " + rule.asLong()
                            + " are allowed";
                }
                default -> {}
            }
        }
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        // The library prefixes the instance location, which our output already names.
        return (message.startsWith("/") || message.startsWith("$")) && colon >= 0
                ? message.substring(colon + 2)
                : message;
    }

    private static void unknownFields(JsonNode value, JsonNode schema, String path, List<Problem> problems) {
        if (schema == null
                || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = FieldPaths.child(path, field.getKey());
                if (path.isEmpty() && isTopLevelMeta(field.getKey())) {
                    continue;
                }
                if (properties != null && properties.has(field.getKey())) {
                    unknownFields(field.getValue(), properties.get(field.getKey()), childPath, problems);
                } else if (additional != null && additional.isObject()) {
                    unknownFields(field.getValue(), additional, childPath, problems);
                } else if (properties != null) {
                    problems.add(Problem.of(
                            childPath,
                            "unknown field: the schema does not declare it (a typo?)",
                            "schema/unknown-field"));
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(value.get(i), schema.get("items"), FieldPaths.item(path, i), problems);
            }
        }
    }

    private static boolean isTopLevelMeta(String field) {
        return field.equals("apiVersion") || field.equals("kind") || field.equals("metadata");
    }
}
