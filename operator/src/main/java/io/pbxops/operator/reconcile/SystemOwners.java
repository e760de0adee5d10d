package io.pbxops.operator.reconcile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Pbx stands for which cloud system, as the Pbx reconciler last saw it: how a change seen in the cloud's lists
 * (a PBX connecting) wakes the Pbx it concerns without reading every Pbx.
 */
public final class SystemOwners {

    private final Map<String, ResourceID> bySystem = new ConcurrentHashMap<>();

    public void stands(String systemId, ResourceID pbx) {
        bySystem.put(systemId, pbx);
    }

    public void gone(ResourceID pbx) {
        bySystem.values().removeIf(pbx::equals);
    }

    public Optional<ResourceID> of(String systemId) {
        return Optional.ofNullable(bySystem.get(systemId));
    }
}
