package io.pbxops.operator.api;

/** How a PBX gets its equipment ID and activation code. */
public enum ActivationMode {
    /** The cloud generates them; they are entered on the PBX (by the operator through O2G, or by the installer). */
    Generated,
    /** Stock mode (OXO types only): both are {@code <fleet reference>-<installation reference>} and the PBX connects by itself. */
    Fleet
}
