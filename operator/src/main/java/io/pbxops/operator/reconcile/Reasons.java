package io.pbxops.operator.reconcile;

/** Ready reasons this operator adds to those of the API contract (docs/api.md#conditions lists them all). */
public final class Reasons {

    /** A referenced object exists but has not reached the cloud yet (its Ready is not True). */
    public static final String DEPENDENCY_NOT_READY = "DependencyNotReady";
    /** Another object, or the cloud, already holds the identity this object claims. */
    public static final String CONFLICT = "Conflict";

    private Reasons() {}
}
