package io.pbxops.simulator;

/** Which API a set of faults applies to. The control API ({@code /sim/v1}) is never faulted. */
public enum FaultTarget {
    /** The cloud authentication and admin API. */
    CLOUD,
    /** The O2G management API. */
    O2G
}
