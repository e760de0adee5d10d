package io.pbxops.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRD's {@code x-kubernetes-validations}, evaluated as a Kubernetes API server does: each rule with {@code self}
 * bound to the value the rule sits on, with Google's CEL implementation (dev.cel). Rules are compiled once per CRD.
 * A transition rule (one that names {@code oldSelf}) holds on a create; on an update it is evaluated where the value
 * exists in the old object too, with {@code oldSelf} bound to it, as the API server does.
 */
final class CelCheck {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private record Rule(String expression, String message, String fieldPath, CelRuntime.Program program) {

        boolean transition() {
            return expression.contains("oldSelf");
        }
    }

    private final JsonNode rootSchema;
    private final Map<JsonNode, List<Rule>> rulesBySchemaNode = new IdentityHashMap<>();

    CelCheck(JsonNode openApiSchema) {
        this.rootSchema = openApiSchema;
        compileAll(openApiSchema);
    }

    List<Problem> check(JsonNode object) {
        return check(object, null);
    }

    /** @param old the object as stored before this update, or null on a create (transition rules then hold) */
    List<Problem> check(JsonNode object, JsonNode old) {
        List<Problem> problems = new ArrayList<>();
        walk(object, old, rootSchema, "", problems);
        return problems;
    }

    private void walk(JsonNode value, JsonNode old, JsonNode schema, String path, List<Problem> problems) {
        if (schema == null || value == null || value.isNull()) {
            return;
        }
        boolean hasOld = old != null && !old.isNull() && !old.isMissingNode();
        for (Rule rule : rulesBySchemaNode.getOrDefault(schema, List.of())) {
            if (rule.transition() && !hasOld) {
                continue;
            }
            if (!holds(rule, value, hasOld ? old : null)) {
                problems.add(Problem.of(FieldPaths.resolve(path, rule.fieldPath()), rule.message(), "cel"));
            }
        }
        if (value.isObject() && schema.has("properties")) {
            Iterator<Map.Entry<String, JsonNode>> properties =
                    schema.get("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (value.has(property.getKey())) {
                    walk(
                            value.get(property.getKey()),
                            hasOld ? old.get(property.getKey()) : null,
                            property.getValue(),
                            FieldPaths.child(path, property.getKey()),
                            problems);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            // A list's items have no identity across an update here: their transition rules are not evaluated.
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), null, schema.get("items"), FieldPaths.item(path, i), problems);
            }
        }
    }

    /**
     * A rule that cannot be evaluated (a value of the wrong type, which the schema check reports) counts as holding,
     * so that one mistake is reported once.
     */
    private static boolean holds(Rule rule, JsonNode value, JsonNode old) {
        try {
            Map<String, Object> variables =
                    old == null ? Map.of("self", toCel(value)) : Map.of("self", toCel(value), "oldSelf", toCel(old));
            return Boolean.TRUE.equals(rule.program().eval(variables));
        } catch (CelEvaluationException | RuntimeException e) {
            return true;
        }
    }

    private void compileAll(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode validations = schema.get("x-kubernetes-validations");
        if (validations != null) {
            List<Rule> rules = new ArrayList<>();
            for (JsonNode validation : validations) {
                String expression = validation.path("rule").asText();
                rules.add(new Rule(
                        expression,
                        validation.path("message").asText("failed rule: " + expression),
                        validation.path("fieldPath").asText(""),
                        compile(expression)));
            }
            rulesBySchemaNode.put(schema, rules);
        }
        if (schema.has("properties")) {
            schema.get("properties").forEach(this::compileAll);
        }
        compileAll(schema.get("items"));
        compileAll(schema.get("additionalProperties"));
    }

    private static CelRuntime.Program compile(String expression) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            return RUNTIME.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("CEL rule of a generated CRD does not compile: " + expression, e);
        }
    }

    /** JSON to CEL values: objects are maps, integers are int64 as in Kubernetes. */
    static Object toCel(JsonNode value) {
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), toCel(field.getValue()));
                }
            });
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asText();
    }
}
