package io.pbxops.operator.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A problem between objects, attached to the object that must change.
 *
 * @param severity what kind of problem it is: the reconcilers wait for a missing reference, and stop on the others
 */
public record FleetProblem(HasMetadata object, Problem problem, Severity severity) {

    public enum Severity {
        /** The object names one that does not exist (yet). */
        MISSING_REFERENCE,
        /** The object cannot be what it says given the objects it names. */
        INVALID,
        /** The object claims a cloud identity another object already claims. */
        CONFLICT
    }
}
