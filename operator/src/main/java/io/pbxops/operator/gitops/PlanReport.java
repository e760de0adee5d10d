package io.pbxops.operator.gitops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.operator.cloud.CloudJson;
import io.pbxops.operator.mapping.ChangeText;
import io.pbxops.operator.mapping.FieldChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link FleetPlan} for people (grouped by object, field by field, old → new) and for machines (JSON). Values of
 * fields that can hold a secret are masked.
 */
public final class PlanReport {

    private static final ObjectMapper JSON = CloudJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanReport() {}

    public static String text(FleetPlan plan) {
        StringBuilder out = new StringBuilder();
        for (ObjectPlan object : plan.objects()) {
            out.append(object.reference())
                    .append(object.cloudId() == null ? "" : "  (" + object.cloudId() + ")")
                    .append(object.paused() ? "  paused: nothing is applied while pbxops.io/paused is \"true\"" : "")
                    .append('\n');
            for (PlanStep step : object.steps()) {
                out.append("  ")
                        .append(symbol(step.action()))
                        .append(' ')
                        .append(step.action().label())
                        .append(": ")
                        .append(step.summary())
                        .append('\n');
                for (FieldChange field : step.fields()) {
                    if (step.action() == PlanAction.CREATE) {
                        out.append("      ")
                                .append(field.field())
                                .append(": ")
                                .append(show(field.field(), field.desired()))
                                .append('\n');
                        continue;
                    }
                    for (String leaf : ChangeText.leaves(field)) {
                        out.append("      ").append(leaf).append('\n');
                    }
                }
            }
        }
        if (!plan.notManaged().isEmpty()) {
            out.append("\nNot managed (in the cloud, declared by no manifest; the operator leaves them alone):\n");
            for (UnmanagedObject object : plan.notManaged()) {
                out.append("  ")
                        .append(object.kind())
                        .append(" \"")
                        .append(object.name())
                        .append("\" (")
                        .append(object.cloudId())
                        .append(")")
                        .append(object.where().isEmpty() ? "" : " " + object.where())
                        .append('\n');
            }
        }
        out.append("\nCannot know offline:\n");
        plan.cannotKnow().forEach(line -> out.append("  - ").append(line).append('\n'));
        out.append('\n').append(summary(plan)).append('\n');
        return out.toString();
    }

    public static String summary(FleetPlan plan) {
        Map<PlanAction, Integer> counts = plan.counts();
        List<String> parts = new ArrayList<>();
        for (PlanAction action : PlanAction.values()) {
            if (action.isChange() || counts.get(action) > 0) {
                parts.add(counts.get(action) + " " + action.label());
            }
        }
        return (plan.hasChanges() ? "Plan: " : "No changes. ") + String.join(", ", parts) + "; "
                + plan.notManaged().size() + " not managed.";
    }

    public static String json(FleetPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("changes", plan.hasChanges());
        ObjectNode counts = root.putObject("summary");
        plan.counts().forEach((action, count) -> counts.put(action.name().toLowerCase(Locale.ROOT), count));
        counts.put("not_managed", plan.notManaged().size());
        ArrayNode objects = root.putArray("objects");
        for (ObjectPlan object : plan.objects()) {
            ObjectNode node = objects.addObject();
            node.put("kind", object.kind())
                    .put("namespace", object.namespace())
                    .put("name", object.name())
                    .put("cloudId", object.cloudId())
                    .put("paused", object.paused());
            ArrayNode steps = node.putArray("steps");
            for (PlanStep step : object.steps()) {
                ObjectNode stepNode = steps.addObject()
                        .put("action", step.action().name().toLowerCase(Locale.ROOT))
                        .put("summary", step.summary());
                ArrayNode fields = stepNode.putArray("fields");
                for (FieldChange field : step.fields()) {
                    fields.addObject().put("field", field.field()).set("from", tree(field.field(), field.observed()));
                    ((ObjectNode) fields.get(fields.size() - 1)).set("to", tree(field.field(), field.desired()));
                }
            }
        }
        ArrayNode notManaged = root.putArray("notManaged");
        plan.notManaged()
                .forEach(o -> notManaged
                        .addObject()
                        .put("kind", o.kind())
                        .put("cloudId", o.cloudId())
                        .put("name", o.name())
                        .put("where", o.where()));
        ArrayNode cannotKnow = root.putArray("cannotKnow");
        plan.cannotKnow().forEach(cannotKnow::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
    }

    private static JsonNode tree(String field, Object value) {
        return ChangeText.tree(field, value);
    }

    static String show(String field, Object value) {
        return ChangeText.show(field, value);
    }

    private static String symbol(PlanAction action) {
        return switch (action) {
            case CREATE, LINK -> "+";
            case UPDATE, CONFIGURE_PBX -> "~";
            case DELETE, UNLINK -> "-";
            case RESET -> "!";
            case ADOPT, ORPHAN -> "=";
            case UNKNOWN, UNSUPPORTED -> "?";
        };
    }
}
