package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.pbxops.operator.decision.Claim;
import io.pbxops.operator.decision.ClaimRule;
import io.pbxops.operator.mapping.CloudRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who owns which cloud object, from the informer cache of one kind (every watched namespace): an index of the cloud
 * objects each object's status records as its own, and one of the natural keys its spec claims. A reconciler asks it
 * before it decides, and the deletion path again before each destructive call.
 */
public final class ClaimIndex<R extends CustomResource<?, ?>> {

    static final String RECORDED = "pbxops-claims";
    static final String NATURAL_KEYS = "pbxops-natural-keys";

    private final Function<R, List<CloudRef>> recorded;
    private final Function<R, List<String>> naturalKeys;

    /**
     * @param recorded    the cloud objects an object's status records as its own
     * @param naturalKeys the keys by which its spec finds a cloud object without an ID (none for most kinds)
     */
    public ClaimIndex(Function<R, List<CloudRef>> recorded, Function<R, List<String>> naturalKeys) {
        this.recorded = recorded;
        this.naturalKeys = naturalKeys;
    }

    /** Registers the indexes on the kind's own informer (before it starts). */
    public void register(EventSourceContext<R> context) {
        Map<String, Function<R, List<String>>> indexers = new LinkedHashMap<>();
        indexers.put(
                RECORDED,
                object -> recorded.apply(object).stream().map(ClaimIndex::key).toList());
        indexers.put(NATURAL_KEYS, naturalKeys);
        context.getPrimaryCache().addIndexers(indexers);
    }

    /** The claim on these cloud objects (and natural keys) as {@code self} sees it. */
    public Claim claim(Context<R> context, R self, List<CloudRef> refs, List<String> keys) {
        Map<String, R> rivals = new LinkedHashMap<>();
        for (CloudRef ref : refs) {
            context.getPrimaryCache().byIndex(RECORDED, key(ref)).forEach(o -> rivals.put(reference(o), o));
        }
        for (String key : keys) {
            context.getPrimaryCache().byIndex(NATURAL_KEYS, key).forEach(o -> rivals.put(reference(o), o));
        }
        List<ClaimRule.Claimant> others = new ArrayList<>();
        rivals.values().forEach(o -> others.add(claimant(o, refs)));
        return ClaimRule.holder(claimant(self, refs), others);
    }

    /** Whether another object of the kind records this cloud object as its own (the check before a destruction). */
    public boolean heldByAnother(Context<R> context, R self, CloudRef ref) {
        return context.getPrimaryCache().byIndex(RECORDED, key(ref)).stream()
                .anyMatch(other -> !reference(other).equals(reference(self)));
    }

    /** The natural keys of an object, as indexed. */
    public List<String> naturalKeys(R object) {
        return naturalKeys.apply(object);
    }

    private ClaimRule.Claimant claimant(R object, List<CloudRef> refs) {
        List<CloudRef> own = recorded.apply(object);
        return new ClaimRule.Claimant(
                reference(object),
                refs.stream().anyMatch(own::contains),
                created(object),
                object.getMetadata().getNamespace() + "/" + object.getMetadata().getName());
    }

    /** {@code Kind namespace/name}, as messages name an object. */
    public static String reference(CustomResource<?, ?> object) {
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName();
    }

    private static Instant created(CustomResource<?, ?> object) {
        String timestamp = object.getMetadata().getCreationTimestamp();
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String key(CloudRef ref) {
        return ref.kind() + ":" + ref.id() + (ref.siteId() == null ? "" : ":" + ref.siteId());
    }
}
