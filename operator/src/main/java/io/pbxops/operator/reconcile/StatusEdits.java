package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pbxops.operator.api.PbxOpsStatus;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A status field written at once, in the middle of a reconcile, because a crash must not lose it: a claim right after
 * the create or adoption that made it, an intent right before the call it announces. Written on the object in the
 * cluster and on the copy in hand (whose resource version follows, so the reconcile's own status write still fits).
 */
public final class StatusEdits {

    /**
     * The copy a decision was made on is older than the object in the cluster: the informer had not seen a change yet
     * (often this operator's own status write). Nothing was written; the reconcile runs again on the current object.
     */
    public static final class StaleCopyException extends RuntimeException {
        StaleCopyException(String reference) {
            super(reference + " changed since this reconcile read it");
        }
    }

    private StatusEdits() {}

    /**
     * An intent recorded before a call that must be made at most once (a reset): written only if the object in the
     * cluster is still the copy the decision was made on, so that a decision made on a stale copy (the informer a
     * step behind this operator's own last write) acts on nothing.
     *
     * @throws StaleCopyException when the object changed since the copy was read; nothing was written
     */
    public static <S extends PbxOpsStatus, R extends CustomResource<?, S>> void guarded(
            ReconcileSupport support, R resource, Supplier<S> newStatus, Consumer<S> change) {
        String reference = resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        // Asked first: a status write is checked against the resource version by kube-apiserver, not by every test
        // or embedded API server; the write below is still refused (409) by a real one if the object moves between.
        R inCluster = support.client().resource(resource).get();
        if (inCluster == null
                || !Objects.equals(
                        inCluster.getMetadata().getResourceVersion(),
                        resource.getMetadata().getResourceVersion())) {
            throw new StaleCopyException(reference);
        }
        if (resource.getStatus() == null) {
            resource.setStatus(newStatus.get());
        }
        change.accept(resource.getStatus());
        try {
            R written = support.client().resource(resource).updateStatus();
            resource.getMetadata().setResourceVersion(written.getMetadata().getResourceVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new StaleCopyException(reference);
            }
            throw e;
        }
    }

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
