package io.pbxops.operator.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** Annotations every kind understands. */
public final class Annotations {

    /** Adopt this existing cloud object instead of creating one; written by the operator right after a create. */
    public static final String EXTERNAL_ID = "pbxops.io/external-id";

    /** {@code "true"}: no cloud or PBX write for this object until removed. */
    public static final String PAUSED = "pbxops.io/paused";

    private Annotations() {}

    /** The cloud ID the object's annotation names, or null. */
    public static String externalId(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(EXTERNAL_ID);
    }

    /** Whether the object carries {@code pbxops.io/paused: "true"}. */
    public static boolean isPaused(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations != null && "true".equalsIgnoreCase(annotations.get(PAUSED));
    }
}
