package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Annotations;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The cloud ID of an object lives in its {@code pbxops.io/external-id} annotation: a user sets it to adopt, the
 * operator writes it right after a create, before anything else, so that a crash never leads to a second object.
 */
public final class ExternalIds {

    private ExternalIds() {}

    public static String of(CustomResource<?, ?> resource) {
        return Annotations.externalId(resource);
    }

    /** The annotated ID, else the one the status remembers (either may be null). */
    public static String orElse(String annotated, String fromStatus) {
        return annotated != null ? annotated : fromStatus;
    }

    /** Records the cloud ID on the object in the cluster, and on the copy in hand. */
    public static <R extends CustomResource<?, ?>> void record(ReconcileSupport support, R resource, String cloudId) {
        if (Objects.equals(of(resource), cloudId)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) resource.getClass();
        R edited = support.client()
                .resources(type)
                .inNamespace(resource.getMetadata().getNamespace())
                .withName(resource.getMetadata().getName())
                .edit(current -> {
                    Map<String, String> annotations = new HashMap<>(
                            Objects.requireNonNullElseGet(current.getMetadata().getAnnotations(), Map::of));
                    annotations.put(Annotations.EXTERNAL_ID, cloudId);
                    current.getMetadata().setAnnotations(annotations);
                    return current;
                });
        Map<String, String> annotations = new HashMap<>(
                Objects.requireNonNullElseGet(resource.getMetadata().getAnnotations(), Map::of));
        annotations.put(Annotations.EXTERNAL_ID, cloudId);
        resource.getMetadata().setAnnotations(annotations);
        resource.getMetadata().setResourceVersion(edited.getMetadata().getResourceVersion());
    }
}
