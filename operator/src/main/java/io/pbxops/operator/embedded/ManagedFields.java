package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Server-side apply and the {@code metadata.managedFields} every write keeps, as kube-apiserver keeps them for what
 * kubectl ({@code apply --server-side}, {@code --force-conflicts}, {@code --field-manager}) and GitOps agents (Flux,
 * Argo CD with ServerSideApply) rely on: an apply creates the object if it is missing, merges the fields it names,
 * removes those it applied before and no longer names (unless another manager owns them), and is refused with 409
 * naming the managers and fields when it would change a field another manager owns, unless forced, which takes them
 * over. Any other write makes its manager the owner of the fields it changed. A write that sets managedFields itself
 * sets them as given ({@code [{}]} clears them), as Flux and kubectl do when they move ownership.
 */
final class ManagedFields {

    /** An apply that would change fields other managers own. */
    static final class Conflict extends Exception {
        final ObjectNode status;

        Conflict(ObjectNode status) {
            super(status.path("message").asText());
            this.status = status;
        }
    }

    private record Entry(String manager, String operation, String apiVersion, String subresource, Set<String> fields) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Clock clock;

    ManagedFields(Clock clock) {
        this.clock = clock;
    }

    /**
     * The object after applying {@code applied} as {@code manager} to {@code live} (null: the object is created),
     * with its managedFields.
     */
    ObjectNode apply(
            ServedResource resource, JsonNode live, ObjectNode applied, String manager, boolean force, boolean status)
            throws Conflict {
        FieldOwnership ownership = new FieldOwnership(resource.schema());
        FieldOwnership.Part part = part(resource, status);
        ObjectNode config = applied.deepCopy();
        config.withObjectProperty("metadata").remove("managedFields");
        Map<String, JsonNode> appliedFields = ownership.fields(config, part);
        String subresource = status ? "status" : null;
        List<Entry> entries = live == null ? new ArrayList<>() : entries(live);
        if (live == null) {
            ObjectNode created = config.deepCopy();
            entries.add(new Entry(manager, "Apply", resource.groupVersion(), subresource, appliedFields.keySet()));
            return withEntries(created, entries);
        }
        Map<String, JsonNode> liveFields = ownership.fields(live, part);
        Map<String, Set<String>> conflicts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : appliedFields.entrySet()) {
            JsonNode current = liveFields.get(field.getKey());
            if (current == null
                    || field.getValue() == FieldOwnership.CONTAINER
                    || Objects.equals(current, field.getValue())) {
                continue;
            }
            for (Entry entry : entries) {
                if (!entry.manager().equals(manager)
                        && Objects.equals(entry.subresource(), subresource)
                        && entry.fields().contains(field.getKey())) {
                    conflicts
                            .computeIfAbsent(entry.manager() + "\n" + entry.apiVersion(), m -> new LinkedHashSet<>())
                            .add(field.getKey());
                }
            }
        }
        if (!conflicts.isEmpty() && !force) {
            throw new Conflict(conflict(conflicts));
        }
        Set<String> taken = new LinkedHashSet<>();
        conflicts.values().forEach(taken::addAll);
        ObjectNode result = (ObjectNode) ownership.merge(live, config);
        Set<String> before = new LinkedHashSet<>();
        List<Entry> kept = new ArrayList<>();
        for (Entry entry : entries) {
            boolean mine = entry.manager().equals(manager)
                    && entry.operation().equals("Apply")
                    && Objects.equals(entry.subresource(), subresource);
            if (mine) {
                before.addAll(entry.fields());
            } else {
                Set<String> fields = new LinkedHashSet<>(entry.fields());
                if (Objects.equals(entry.subresource(), subresource)) {
                    fields.removeAll(taken);
                }
                kept.add(
                        new Entry(entry.manager(), entry.operation(), entry.apiVersion(), entry.subresource(), fields));
            }
        }
        // Fields this manager applied before and no longer applies go, unless someone else owns them.
        Set<String> ownedByOthers = new LinkedHashSet<>();
        kept.forEach(entry -> ownedByOthers.addAll(entry.fields()));
        List<String> dropped = new ArrayList<>(before);
        dropped.removeAll(appliedFields.keySet());
        dropped.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String path : dropped) {
            boolean shared =
                    ownedByOthers.stream().anyMatch(other -> other.equals(path) || other.startsWith(path + "\n"));
            if (!shared) {
                ownership.remove(result, path);
            }
        }
        kept.add(new Entry(manager, "Apply", resource.groupVersion(), subresource, appliedFields.keySet()));
        return withEntries(result, kept);
    }

    /**
     * The object a create, update or patch stores: its manager owns the fields it set or changed; other managers
     * lose those. Managed fields the write sets itself are kept as given.
     */
    ObjectNode update(ServedResource resource, JsonNode live, ObjectNode wanted, String manager, boolean status) {
        JsonNode given = wanted.at("/metadata/managedFields");
        JsonNode before = live == null ? NODES.arrayNode() : live.at("/metadata/managedFields");
        if (given.isArray() && !given.isEmpty() && !given.equals(before)) {
            if (given.size() == 1 && given.get(0).isEmpty()) {
                wanted.withObjectProperty("metadata").remove("managedFields");
            }
            return wanted;
        }
        FieldOwnership ownership = new FieldOwnership(resource.schema());
        FieldOwnership.Part part = part(resource, status);
        Map<String, JsonNode> newFields = ownership.fields(wanted, part);
        Map<String, JsonNode> oldFields = live == null ? Map.of() : ownership.fields(live, part);
        Set<String> changed = new LinkedHashSet<>();
        newFields.forEach((path, value) -> {
            if (!Objects.equals(oldFields.get(path), value)) {
                changed.add(path);
            }
        });
        Set<String> removed = new LinkedHashSet<>(oldFields.keySet());
        removed.removeAll(newFields.keySet());
        List<Entry> entries = live == null ? new ArrayList<>() : entries(live);
        if (changed.isEmpty() && removed.isEmpty()) {
            return withEntries(wanted, entries);
        }
        String subresource = status ? "status" : null;
        List<Entry> result = new ArrayList<>();
        Set<String> mine = new LinkedHashSet<>();
        for (Entry entry : entries) {
            Set<String> fields = new LinkedHashSet<>(entry.fields());
            if (Objects.equals(entry.subresource(), subresource)) {
                fields.removeAll(changed);
                fields.removeAll(removed);
            }
            if (entry.manager().equals(manager)
                    && entry.operation().equals("Update")
                    && Objects.equals(entry.subresource(), subresource)) {
                mine.addAll(fields);
            } else {
                result.add(
                        new Entry(entry.manager(), entry.operation(), entry.apiVersion(), entry.subresource(), fields));
            }
        }
        mine.addAll(changed);
        result.add(new Entry(manager, "Update", resource.groupVersion(), subresource, mine));
        return withEntries(wanted, result);
    }

    /** Who writes: the fieldManager parameter, else the client's name (its User-Agent up to the first slash). */
    static String manager(String fieldManager, String userAgent) {
        if (fieldManager != null && !fieldManager.isBlank()) {
            return fieldManager;
        }
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        int slash = userAgent.indexOf('/');
        return slash < 0 ? userAgent : userAgent.substring(0, slash);
    }

    private static FieldOwnership.Part part(ServedResource resource, boolean status) {
        if (status) {
            return FieldOwnership.Part.STATUS;
        }
        return resource.statusSubresource() ? FieldOwnership.Part.MAIN_WITHOUT_STATUS : FieldOwnership.Part.MAIN;
    }

    private static List<Entry> entries(JsonNode object) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : object.at("/metadata/managedFields")) {
            entries.add(new Entry(
                    entry.path("manager").asText(""),
                    entry.path("operation").asText("Update"),
                    entry.path("apiVersion").asText(""),
                    entry.hasNonNull("subresource") ? entry.get("subresource").asText() : null,
                    FieldOwnership.fromFieldsV1(entry.path("fieldsV1"))));
        }
        return entries;
    }

    private ObjectNode withEntries(ObjectNode object, List<Entry> entries) {
        ArrayNode list = NODES.arrayNode();
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        for (Entry entry : entries) {
            if (entry.fields().isEmpty()) {
                continue;
            }
            ObjectNode item = list.addObject()
                    .put("manager", entry.manager())
                    .put("operation", entry.operation())
                    .put("apiVersion", entry.apiVersion())
                    .put("time", now)
                    .put("fieldsType", "FieldsV1");
            item.set("fieldsV1", FieldOwnership.toFieldsV1(entry.fields()));
            if (entry.subresource() != null) {
                item.put("subresource", entry.subresource());
            }
        }
        if (list.isEmpty()) {
            object.withObjectProperty("metadata").remove("managedFields");
        } else {
            object.withObjectProperty("metadata").set("managedFields", list);
        }
        return object;
    }

    /** kube-apiserver's 409: {@code Apply failed with 1 conflict: conflict with "kubectl" using v1: .data.a}. */
    private static ObjectNode conflict(Map<String, Set<String>> byManager) {
        int count = byManager.values().stream().mapToInt(Set::size).sum();
        List<String> parts = new ArrayList<>();
        ObjectNode details = NODES.objectNode();
        ArrayNode causes = details.putArray("causes");
        byManager.forEach((key, paths) -> {
            String[] managerAndVersion = key.split("\n", 2);
            String who = "\"" + managerAndVersion[0] + "\" using " + managerAndVersion[1];
            if (count == 1) {
                parts.add("conflict with " + who + ": "
                        + FieldOwnership.display(paths.iterator().next()));
            } else {
                StringBuilder text = new StringBuilder("conflicts with " + who + ":");
                paths.forEach(path -> text.append("\n- ").append(FieldOwnership.display(path)));
                parts.add(text.toString());
            }
            paths.forEach(path -> causes.addObject()
                    .put("reason", "FieldManagerConflict")
                    .put("message", "conflict with " + who)
                    .put("field", FieldOwnership.display(path)));
        });
        ObjectNode status = Admission.status(
                409,
                "Conflict",
                "Apply failed with " + count + " conflict" + (count == 1 ? "" : "s") + ": " + String.join("\n", parts));
        status.set("details", details);
        return status;
    }
}
