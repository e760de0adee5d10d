package io.pbxops.operator.pbx;

/**
 * What a PBX's Rainbow agent says of its connection, in words every driver maps its own vocabulary to. A value a
 * driver does not recognise is {@link #OTHER}, shown as the PBX said it, never taken for a failure.
 */
public enum AgentStatus {
    /** Nothing to say (the agent holds no status yet). */
    NONE,
    /** Turned off. */
    DISABLED,
    /** Waiting for its network (DNS or proxy) before it can try. */
    WAITING_NETWORK,
    CONNECTING,
    CONNECTED,
    /** Connected with a channel down. */
    DEGRADED,
    /** The cloud refused the equipment ID or the activation code it holds. */
    REFUSED,
    OTHER;

    /** Whether the code it holds cannot be the one that works (it must be entered again). */
    public boolean needsCode() {
        return this == NONE || this == DISABLED || this == REFUSED;
    }
}
