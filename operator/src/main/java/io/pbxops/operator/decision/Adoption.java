package io.pbxops.operator.decision;

import io.pbxops.operator.mapping.CloudRef;
import java.util.List;
import java.util.Objects;

/** When an observed cloud object becomes the object's own: its ID is not the one the annotation names. */
final class Adoption {

    private Adoption() {}

    /** Adds an {@link Step.Adopt} when {@code ref} is not the annotated ID (absent, or naming nothing any more). */
    static void ifNew(List<Step> steps, String annotatedId, CloudRef ref, String what) {
        if (!Objects.equals(annotatedId, ref.id())) {
            steps.add(new Step.Adopt(ref, what, annotatedId));
        }
    }
}
