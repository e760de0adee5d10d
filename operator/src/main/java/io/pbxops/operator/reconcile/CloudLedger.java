package io.pbxops.operator.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.cloud.CloudJson;
import io.pbxops.operator.mapping.CloudRef;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the operator last applied for each object of one kind, so that nothing is done twice (after Keycloak's
 * hash of the desired state): the fingerprint of the desired state (spec, annotations and what it depends on), and
 * the signature of each cloud object it stands for as observed right after the last write. A reconcile whose
 * fingerprint did not move and whose cloud objects did not drift makes no cloud call; the drift check compares the
 * cloud's lists with the recorded signatures. Kept in memory: after a restart, the first reconcile of each object
 * observes it again.
 */
public final class CloudLedger {

    /**
     * The last successful reconcile of one object.
     *
     * @param signatures the cloud objects it stands for, each with its signature's hash
     */
    public record Entry(String fingerprint, Map<CloudRef, String> signatures) {
        public Entry {
            signatures = Map.copyOf(signatures);
        }
    }

    private static final ObjectMapper JSON = CloudJson.newMapper();

    private final Map<ResourceID, Entry> entries = new ConcurrentHashMap<>();

    /** Whether nothing moved since the last successful reconcile of the object. */
    public boolean unchanged(ResourceID object, String fingerprint) {
        Entry entry = entries.get(object);
        return entry != null && entry.fingerprint().equals(fingerprint);
    }

    /** Records a successful reconcile: the fingerprint, and each cloud object's signature (see CloudSignatures). */
    public void applied(ResourceID object, String fingerprint, Map<CloudRef, String> signatures) {
        entries.put(object, new Entry(fingerprint, signatures));
    }

    public void forget(ResourceID object) {
        entries.remove(object);
    }

    /** The objects one of whose cloud objects differs from what was applied, or is gone from {@code listed}. */
    public Set<ResourceID> drifted(Map<CloudRef, String> listed) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue().signatures().entrySet().stream()
                        .anyMatch(signature -> !signature.getValue().equals(listed.get(signature.getKey()))))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The objects standing for a cloud object that passes the test (whatever its signature). */
    public Set<ResourceID> standingFor(Predicate<CloudRef> test) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue().signatures().keySet().stream().anyMatch(test))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
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
