package io.pbxops.simulator.agent;

/** The Rainbow connection status a PBX shows (OXE: {@code Rainbow_Connection_Status}, EXTENSIONS.md §2). */
public enum AgentStatus {
    DISABLED("Disabled"),
    WAITING_NETWORK("Waiting_Network"),
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    ACTIVATION_REFUSED("Activation_Refused"),
    DEGRADED("Degraded");

    private final String wireName;

    AgentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
