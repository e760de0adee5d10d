package io.pbxops.simulator.agent;

/**
 * The Rainbow agent of one PBX (the OXE's Rainbow agent, the OXO's CCCtrlA): the settings the PBX holds and the
 * status it shows. The cloud decides the status through {@link CloudLink}; all access is under the world lock.
 */
public final class RainbowAgent {

    public static final String DEFAULT_DOMAIN = "openrainbow.com";

    private final String name;
    private boolean enabled;
    private String domain = DEFAULT_DOMAIN;
    private String pbxId = "";
    private String activationCode = "";
    private boolean networkReady;
    private AgentStatus status = AgentStatus.DISABLED;
    private String lastRefusal;

    public RainbowAgent(String name) {
        this.name = name;
    }

    public void configure(boolean enabled, String domain, String pbxId, String activationCode, boolean networkReady) {
        this.enabled = enabled;
        this.domain = domain == null ? "" : domain;
        this.pbxId = pbxId == null ? "" : pbxId;
        this.activationCode = activationCode == null ? "" : activationCode;
        this.networkReady = networkReady;
    }

    /** Why the agent cannot even try to reach the cloud, or null when it can. */
    public AgentStatus blockedStatus() {
        if (!enabled) {
            return AgentStatus.DISABLED;
        }
        if (!networkReady) {
            return AgentStatus.WAITING_NETWORK;
        }
        if (pbxId.isBlank() || activationCode.isBlank() || !DEFAULT_DOMAIN.equalsIgnoreCase(domain.trim())) {
            return AgentStatus.CONNECTING;
        }
        return null;
    }

    /**
     * Records a refusal of this pbxId and code; true the first time only, so that the cloud logs one
     * {@code activationRefused} event per wrong attempt, not one per re-evaluation.
     */
    public boolean refusedFirstTime(String attempt) {
        boolean first = !attempt.equals(lastRefusal);
        lastRefusal = attempt;
        return first;
    }

    public void clearRefusal() {
        lastRefusal = null;
    }

    public String name() {
        return name;
    }

    public String pbxId() {
        return pbxId;
    }

    public String activationCode() {
        return activationCode;
    }

    public AgentStatus status() {
        return status;
    }

    public void status(AgentStatus status) {
        this.status = status;
    }

    @Override
    public String toString() {
        return "RainbowAgent[" + name + ", " + status.wireName() + "]";
    }
}
