package io.pbxops.operator.reconcile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which object stands for which cloud object of one kind (a system, a gateway), as its reconciler last saw it: how a
 * change seen in the cloud's lists (a PBX connecting, an upgrade ending) wakes the object it concerns without reading
 * every object.
 */
public final class CloudOwners {

    private final Map<String, ResourceID> byCloudId = new ConcurrentHashMap<>();

    public void stands(String cloudId, ResourceID object) {
        byCloudId.put(cloudId, object);
    }

    public void gone(ResourceID object) {
        byCloudId.values().removeIf(object::equals);
    }

    public Optional<ResourceID> of(String cloudId) {
        return Optional.ofNullable(byCloudId.get(cloudId));
    }
}
