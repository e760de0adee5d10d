package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;

/** How the drift check (and a change of credentials) wakes the reconciler of one kind for chosen objects. */
public final class DriftTrigger<R extends HasMetadata> {

    private final SimpleInboundEventSource<R> source = new SimpleInboundEventSource<>("cloud-drift");

    public EventSource<?, R> eventSource() {
        return source;
    }

    public void trigger(ResourceID object) {
        source.propagateEvent(object);
    }
}
