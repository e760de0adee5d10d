package io.pbxops.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Server-side apply's field ownership: creation, merge, conflicts, forcing, removal, and updates taking fields. */
class ManagedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServedResource CONFIG_MAP = ServedResource.all().stream()
            .filter(resource -> resource.kind().equals("ConfigMap"))
            .findFirst()
            .orElseThrow();

    private final ManagedFields managed =
            new ManagedFields(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void anApplyCreatesWithItsFieldsThenAnotherManagersChangeConflictsUnlessForced() throws Exception {
        ObjectNode created = managed.apply(CONFIG_MAP, null, cm("{\"a\":\"1\",\"b\":\"2\"}"), "gitops", false, false);
        JsonNode entry = created.at("/metadata/managedFields/0");
        assertEquals("gitops", entry.path("manager").asText());
        assertEquals("Apply", entry.path("operation").asText());
        assertEquals(
                "{\".\":{},\"f:a\":{},\"f:b\":{}}", entry.at("/fieldsV1/f:data").toString());

        ObjectNode edited = cm("{\"a\":\"changed\",\"b\":\"2\"}");
        edited.withObjectProperty("metadata").set("managedFields", created.at("/metadata/managedFields"));
        ObjectNode updated = managed.update(CONFIG_MAP, created, edited, "kubectl-edit", false);
        assertEquals(2, updated.at("/metadata/managedFields").size(), "the editor owns .data.a now");

        ManagedFields.Conflict conflict = assertThrows(
                ManagedFields.Conflict.class,
                () -> managed.apply(CONFIG_MAP, updated, cm("{\"a\":\"1\",\"b\":\"2\"}"), "gitops", false, false));
        assertEquals(
                "Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: .data.a",
                conflict.status.path("message").asText());
        assertEquals(409, conflict.status.path("code").asInt());
        assertEquals(".data.a", conflict.status.at("/details/causes/0/field").asText());

        ObjectNode forced = managed.apply(CONFIG_MAP, updated, cm("{\"a\":\"1\",\"b\":\"2\"}"), "gitops", true, false);
        assertEquals("1", forced.at("/data/a").asText());
        assertEquals(1, forced.at("/metadata/managedFields").size(), "forcing took .data.a from the editor");
    }

    @Test
    void aFieldTheApplierNoLongerNamesIsRemovedUnlessAnotherManagerOwnsIt() throws Exception {
        ObjectNode created = managed.apply(CONFIG_MAP, null, cm("{\"a\":\"1\",\"b\":\"2\"}"), "gitops", false, false);
        ObjectNode withoutB = managed.apply(CONFIG_MAP, created, cm("{\"a\":\"1\"}"), "gitops", false, false);
        assertEquals(
                Set.of("a"),
                Set.copyOf(JSON.convertValue(withoutB.get("data"), Map.class).keySet()));

        ObjectNode shared = managed.apply(CONFIG_MAP, created, cm("{\"b\":\"2\"}"), "other", false, false);
        ObjectNode kept = managed.apply(CONFIG_MAP, shared, cm("{\"a\":\"1\"}"), "gitops", false, false);
        assertEquals("2", kept.at("/data/b").asText(), "co-owned by another applier: it stays");
    }

    @Test
    void fieldsV1RoundTripsAndConflictsNameFieldsAsKubeApiserverNamesThem() throws Exception {
        FieldOwnership ownership = new FieldOwnership(null);
        assertEquals(
                "{\"f:data\":{\".\":{},\"f:a\":{}}}",
                FieldOwnership.toFieldsV1(ownership
                                .fields(cm("{\"a\":\"1\"}"), FieldOwnership.Part.MAIN)
                                .keySet())
                        .toString()
                        .replace("{\"f:metadata\":{\"f:name\":{}},", "{"));
        assertEquals(
                Set.of("f:data", "f:data\nf:a"),
                FieldOwnership.fromFieldsV1(JSON.readTree("{\"f:data\":{\".\":{},\"f:a\":{}}}")));
        assertEquals(
                ".spec.rules[match=\"^0\"].replace",
                FieldOwnership.display("f:spec\nf:rules\nk:{\"match\":\"^0\"}\nf:replace"));
    }

    private static ObjectNode cm(String data) throws Exception {
        return (ObjectNode) JSON.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"namespace\":\"default\"},\"data\":"
                        + data + "}");
    }
}
