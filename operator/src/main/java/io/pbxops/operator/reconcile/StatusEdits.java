package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.PbxOpsStatus;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A status field written at once, in the middle of a reconcile, because a crash must not lose it: a claim right after
 * the create or adoption that made it, an intent right before the call it announces. Written on the object in the
 * cluster and on the copy in hand (whose resource version follows, so the reconcile's own status write still fits).
 */
public final class StatusEdits {

    private StatusEdits() {}

    public static <S extends PbxOpsStatus, R extends CustomResource<?, S>> void now(
            ReconcileSupport support, R resource, Supplier<S> newStatus, Consumer<S> change) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) resource.getClass();
        R edited = support.client()
                .resources(type)
                .inNamespace(resource.getMetadata().getNamespace())
                .withName(resource.getMetadata().getName())
                .editStatus(current -> {
                    if (current.getStatus() == null) {
                        current.setStatus(newStatus.get());
                    }
                    change.accept(current.getStatus());
                    return current;
                });
        if (resource.getStatus() == null) {
            resource.setStatus(newStatus.get());
        }
        change.accept(resource.getStatus());
        resource.getMetadata().setResourceVersion(edited.getMetadata().getResourceVersion());
    }
}
