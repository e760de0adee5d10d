package io.pbxops.operator.decision;

import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.validation.FleetProblem;
import java.time.Duration;
import java.util.Optional;

/**
 * What an object shows after a reconcile: the Ready and Synced conditions, and when to look again.
 *
 * @param ready        null leaves the Ready condition as it is (a paused object, a passing cloud failure)
 * @param recheckAfter null: no timed recheck, the next event (a change, a drift, a dependency) will come
 */
public record Outcome(
        Boolean ready,
        String readyReason,
        String readyMessage,
        boolean synced,
        String syncedReason,
        String syncedMessage,
        Duration recheckAfter) {

    /**
     * Nothing moved since the last successful reconcile (same desired state, no drift): no cloud call was made and the
     * status is left as it is in the cluster (the copy in hand may be older than the last status written).
     */
    public static final Outcome UNCHANGED = new Outcome(true, null, null, true, null, null, null);

    /** Everything declared exists and is usable. */
    public static Outcome available(String message) {
        return new Outcome(
                true,
                Conditions.Ready.AVAILABLE,
                message,
                true,
                Conditions.Synced.RECONCILE_SUCCESS,
                "the cloud matches the spec",
                null);
    }

    /** Everything declared was applied; the object is not usable yet (connecting, upgrading, ...). */
    public static Outcome progressing(String reason, String message, Duration recheckAfter) {
        return new Outcome(
                false,
                reason,
                message,
                true,
                Conditions.Synced.RECONCILE_SUCCESS,
                "the cloud matches the spec",
                recheckAfter);
    }

    /** A referenced object is missing or not ready: nothing was written; its arrival triggers a reconcile. */
    public static Outcome waitingFor(String reason, String message) {
        return new Outcome(false, reason, message, false, Conditions.Synced.RECONCILE_ERROR, message, null);
    }

    /** The spec cannot be applied as it is: terminal until the spec changes. */
    public static Outcome invalid(String message) {
        return new Outcome(
                false, Conditions.Ready.INVALID_SPEC, message, false, Conditions.Synced.RECONCILE_ERROR, message, null);
    }

    /** Another object, or the cloud, already holds the identity this object claims. */
    public static Outcome conflict(String message) {
        return conflict(message, null);
    }

    /** As {@link #conflict(String)}, looked at again after {@code recheckAfter} (the holder may let it go). */
    public static Outcome conflict(String message, Duration recheckAfter) {
        return new Outcome(
                false,
                Conditions.Ready.CONFLICT,
                message,
                false,
                Conditions.Synced.RECONCILE_ERROR,
                message,
                recheckAfter);
    }

    /** What a problem between objects means for the object at fault. */
    public static Outcome of(FleetProblem problem) {
        String message = problem.problem().toString();
        return switch (problem.severity()) {
            case MISSING_REFERENCE -> waitingFor(Conditions.Ready.DEPENDENCY_NOT_FOUND, message);
            case INVALID -> invalid(message);
            case CONFLICT -> conflict(message);
        };
    }

    /**
     * The object needs what this cloud does not serve: nothing is called, and the object is looked at again after
     * {@code recheckAfter} (the cloud may serve it by then).
     */
    public static Outcome unsupported(String message, Duration recheckAfter) {
        return new Outcome(
                false,
                Conditions.Ready.UNSUPPORTED_BY_CLOUD,
                message,
                true,
                Conditions.Synced.RECONCILE_SUCCESS,
                "nothing this cloud serves is left to do",
                recheckAfter);
    }

    /** The object is being deleted: never "the cloud matches the spec" while its deletion is under way. */
    public static Outcome deleting(String message, Duration recheckAfter) {
        return new Outcome(
                false,
                Conditions.Ready.DELETING,
                message,
                true,
                Conditions.Synced.RECONCILE_SUCCESS,
                message,
                recheckAfter);
    }

    /** Paused by its annotation: Ready is left as it is, nothing is read or written. */
    public static Outcome paused(String message) {
        return new Outcome(null, null, null, false, Conditions.Synced.RECONCILE_PAUSED, message, null);
    }

    /** A passing failure (an outage, a timeout): Ready is left as it is, the reconcile is tried again. */
    public static Outcome failed(String syncedReason, String message, Duration recheckAfter) {
        return new Outcome(null, null, null, false, syncedReason, message, recheckAfter);
    }

    public Optional<Duration> recheck() {
        return Optional.ofNullable(recheckAfter);
    }
}
