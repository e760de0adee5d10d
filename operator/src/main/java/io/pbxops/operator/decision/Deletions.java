package io.pbxops.operator.decision;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.DeletionPolicy;
import java.util.Optional;

/** What every kind's deletion shares: Orphan and paused objects leave the cloud as it is. */
public final class Deletions {

    private Deletions() {}

    /** An {@link Step.Orphan} when the deletion leaves the cloud as it is; decided before anything is read. */
    public static Optional<Step> orphan(HasMetadata object, DeletionPolicy policy) {
        if (Annotations.isPaused(object)) {
            return Optional.of(new Step.Orphan("deleted while paused (" + Annotations.PAUSED + ")"));
        }
        if (policy == DeletionPolicy.Orphan) {
            return Optional.of(new Step.Orphan("deletionPolicy Orphan"));
        }
        return Optional.empty();
    }
}
