package io.pbxops.operator.embedded;

/**
 * One line of the live view: an object of the fleet and where it stands.
 *
 * @param connection a Pbx's connection state (Pending, Running, Degraded), "-" for other kinds
 * @param ready      the Ready condition's status: True, False, or Unknown before the first reconcile
 * @param reason     the Ready condition's reason
 * @param message    the Ready condition's message (activation codes and equipment IDs masked)
 * @param hold       why the object is rightly not Ready although the operator did all it can, or NONE
 * @param settled    the operator acted on the current generation, and the object is not being deleted
 */
public record FleetRow(
        String kind,
        String namespace,
        String name,
        String connection,
        String ready,
        String reason,
        String message,
        Hold hold,
        boolean settled) {

    /** The states that are what the spec asks for, yet not Ready. */
    public enum Hold {
        NONE,
        /** A build-to-order OXO whose equipment ID and activation code wait for the installer's OMC step. */
        AWAITING_INSTALLER,
        /** A WebRTC gateway in maintenance because its spec says so. */
        MAINTENANCE,
        /** An object that needs what this cloud does not serve (UnsupportedByCloud): nothing more can be done. */
        UNSUPPORTED
    }

    public boolean isReady() {
        return "True".equals(ready);
    }

    public boolean awaitingInstaller() {
        return hold == Hold.AWAITING_INSTALLER;
    }

    /** Converged: Ready, or held in the state its spec asks for (the operator cannot do more). */
    public boolean converged() {
        return settled && (isReady() || hold != Hold.NONE);
    }

    public String id() {
        return kind + "/" + name;
    }
}
