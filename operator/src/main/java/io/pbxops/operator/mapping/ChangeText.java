package io.pbxops.operator.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Field changes for people, the same in {@code plan} and in events: each differing leaf on its own,
 * {@code pbxNumberingTranslator[3].regexpReplace: "039067" → "039068"}, values as JSON, never a Java
 * {@code toString}; the value of a field that can hold a secret is masked.
 */
public final class ChangeText {

    /** Fields whose value is a secret, or may be one (a fleet PBX's equipment ID is its activation code). */
    static final Set<String> SECRET_FIELDS = Set.of(
            "pbxId", "activationCode", "password", "jid_pbxagent_password", "jid_pbxpcg_password", "jid_pbxagent");

    public static final String MASK = "(secret)";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private ChangeText() {}

    /** One line per differing leaf: {@code path: old → new}. */
    public static List<String> leaves(FieldChange change) {
        List<String> lines = new ArrayList<>();
        for (ValueDiff.Leaf leaf : ValueDiff.leaves(
                change.field(), tree(change.field(), change.observed()), tree(change.field(), change.desired()))) {
            lines.add(leaf.path() + ": " + show(leaf.from()) + " → " + show(leaf.to()));
        }
        return lines;
    }

    /** Every leaf of every change, joined for an event: {@code country: "DEU" → "AUT", ...}. */
    public static String describe(List<FieldChange> changes) {
        return String.join(
                ", ", changes.stream().flatMap(c -> leaves(c).stream()).toList());
    }

    /** A value as JSON (masked when the field can hold a secret); {@code (none)} for nothing. */
    public static String show(String field, Object value) {
        if (value == null) {
            return "(none)";
        }
        if (secret(field)) {
            return MASK;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** The value as a JSON tree, masked when the field can hold a secret. */
    public static JsonNode tree(String field, Object value) {
        if (value != null && secret(field)) {
            return JSON.getNodeFactory().textNode(MASK);
        }
        return JSON.valueToTree(value);
    }

    private static String show(JsonNode value) {
        return value == null ? "(none)" : value.toString();
    }

    private static boolean secret(String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        return SECRET_FIELDS.contains(leaf);
    }
}
