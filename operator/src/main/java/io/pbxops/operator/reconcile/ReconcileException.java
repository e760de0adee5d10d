package io.pbxops.operator.reconcile;

/** A reconcile step that cannot go on for now; its message is shown in the Synced condition. */
public class ReconcileException extends RuntimeException {

    public ReconcileException(String message) {
        super(message);
    }

    public ReconcileException(String message, Throwable cause) {
        super(message, cause);
    }
}
