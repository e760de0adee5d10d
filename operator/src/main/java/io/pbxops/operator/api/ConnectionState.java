package io.pbxops.operator.api;

/** The admin UI's connection state of a PBX. */
public enum ConnectionState {
    /** Declared in the cloud, no PBX connected yet (cloud status created or activating). */
    Pending,
    /** Connected, every monitored channel up. */
    Running,
    /** Activated, but at least one monitored channel is down. */
    Degraded
}
