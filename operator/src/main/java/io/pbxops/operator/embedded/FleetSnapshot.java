package io.pbxops.operator.embedded;

import java.util.List;

/** The fleet as the API server shows it at one moment. */
public record FleetSnapshot(List<FleetRow> rows) {

    public FleetSnapshot {
        rows = List.copyOf(rows);
    }

    /**
     * Every object is Ready and its current generation reconciled, except three states that are all the operator can
     * do: a build-to-order OXO counts once its equipment ID and activation code are in its Secret and it waits
     * (Pending, AwaitingActivation) for a person to type them into OMC; a WebRTC gateway whose spec puts it in
     * maintenance counts once it is in maintenance and Synced; an object that needs what this cloud does not serve
     * counts once it says so (UnsupportedByCloud) and is Synced. An empty fleet has not converged.
     */
    public boolean converged() {
        return !rows.isEmpty() && rows.stream().allMatch(FleetRow::converged);
    }

    /** Whether the operator has written a status on any object yet. */
    public boolean anyReconciled() {
        return rows.stream().anyMatch(row -> !"Unknown".equals(row.ready()));
    }

    public List<FleetRow> awaitingInstaller() {
        return rows.stream().filter(FleetRow::awaitingInstaller).toList();
    }
}
