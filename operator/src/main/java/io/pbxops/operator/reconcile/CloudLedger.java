package io.pbxops.operator.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.cloud.CloudJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the operator last applied for each object of one kind, so that nothing is done twice (after Keycloak's
 * hash of the desired state): the fingerprint of the desired state (spec, annotations and what it depends on), and
 * the hash of the cloud object as observed right after the last write. A reconcile whose fingerprint did not move
 * and whose cloud object did not drift makes no cloud call; the drift check compares the cloud's lists with the
 * recorded hashes. Kept in memory: after a restart, the first reconcile of each object observes it again.
 */
public final class CloudLedger {

    /** The last successful reconcile of one object. */
    public record Entry(String fingerprint, String cloudId, String cloudHash) {}

    private static final ObjectMapper JSON = CloudJson.newMapper();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Whether nothing moved since the last successful reconcile of the object. */
    public boolean unchanged(String key, String fingerprint) {
        Entry entry = entries.get(key);
        return entry != null && entry.fingerprint().equals(fingerprint);
    }

    public void applied(String key, String fingerprint, String cloudId, Object observedCloudObject) {
        entries.put(key, new Entry(fingerprint, cloudId, hash(observedCloudObject)));
    }

    public void forget(String key) {
        entries.remove(key);
    }

    /** The keys of the objects whose cloud object differs from what was applied, or is gone. */
    public Set<String> drifted(Map<String, String> listedHashesById) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue().cloudId() != null)
                .filter(e -> !e.getValue()
                        .cloudHash()
                        .equals(listedHashesById.get(e.getValue().cloudId())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The keys of the objects whose cloud ID passes the test (whatever their hash). */
    public Set<String> withCloudIds(Predicate<String> test) {
        return entries.entrySet().stream()
                .filter(e ->
                        e.getValue().cloudId() != null && test.test(e.getValue().cloudId()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The object a ledger key names ({@code Kind/namespace/name}, as the reconcilers write it). */
    public static ResourceID resourceId(String key) {
        String[] parts = key.split("/", 3);
        return new ResourceID(parts[2], parts[1].equals("null") ? null : parts[1]);
    }

    /** SHA-256 of an object's JSON (stable: Jackson writes record components in declaration order). */
    public static String hash(Object value) {
        try {
            byte[] json = JSON.writeValueAsBytes(value);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash " + value.getClass().getSimpleName(), e);
        }
    }
}
