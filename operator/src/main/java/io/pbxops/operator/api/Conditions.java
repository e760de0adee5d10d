package io.pbxops.operator.api;

/** Condition types and their stable reasons (docs/api.md#conditions). */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String SYNCED = "Synced";
    public static final String CONNECTED = "Connected";

    /** Reasons of {@link #READY}. */
    public static final class Ready {
        public static final String AVAILABLE = "Available";
        public static final String CREATING = "Creating";
        public static final String DELETING = "Deleting";
        public static final String AWAITING_ACTIVATION = "AwaitingActivation";
        public static final String DEPENDENCY_NOT_FOUND = "DependencyNotFound";
        public static final String INVALID_SPEC = "InvalidSpec";
        public static final String UNAVAILABLE = "Unavailable";
        /** Another object owns the cloud object this one claims; the message names it. */
        public static final String CONFLICT = "Conflict";
        /** This cloud does not serve the feature; the message names it. */
        public static final String UNSUPPORTED_BY_CLOUD = "UnsupportedByCloud";
        /** A referenced object exists but has not reached the cloud yet (an addition of this operator). */
        public static final String DEPENDENCY_NOT_READY = "DependencyNotReady";

        private Ready() {}
    }

    /** Reasons of {@link #SYNCED}. */
    public static final class Synced {
        public static final String RECONCILE_SUCCESS = "ReconcileSuccess";
        public static final String RECONCILE_ERROR = "ReconcileError";
        public static final String RECONCILE_PAUSED = "ReconcilePaused";
        public static final String CREDENTIALS_REFUSED = "CredentialsRefused";

        private Synced() {}
    }

    /** Reasons of {@link #CONNECTED} (Pbx only): the cloud's connection state. */
    public static final class Connected {
        public static final String RUNNING = "Running";
        public static final String PENDING = "Pending";
        public static final String DEGRADED = "Degraded";

        private Connected() {}
    }

    private Conditions() {}
}
