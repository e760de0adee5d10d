package io.pbxops.simulator.oxo;

import io.pbxops.simulator.OxoSpec;
import io.pbxops.simulator.agent.AgentStatus;
import io.pbxops.simulator.agent.RainbowAgent;

/** An OXO Connect PBX: its OMC Cloud &gt; Rainbow settings and its CCCtrlA agent. */
final class OxoAgent {

    String serial;
    OxoSpec.Mode mode;
    boolean rainbowEnabled;
    String pabxId = "";
    String activationCode = "";
    String domainName = RainbowAgent.DEFAULT_DOMAIN;
    private transient RainbowAgent agent;

    static OxoAgent create(OxoSpec spec) {
        OxoAgent oxo = new OxoAgent();
        oxo.serial = spec.serial();
        oxo.mode = spec.mode();
        if (spec.mode() == OxoSpec.Mode.STOCK) {
            // Stock mode: the PBX fills in its Rainbow parameters from its fleet identity and has Rainbow on.
            oxo.rainbowEnabled = true;
            oxo.pabxId = spec.equipmentId();
            oxo.activationCode = spec.equipmentId();
        }
        return oxo;
    }

    RainbowAgent agent() {
        if (agent == null) {
            agent = new RainbowAgent("oxo " + serial);
        }
        return agent;
    }

    /** The OXO has no network prerequisite to model: its web proxy, if any, is part of its LAN settings. */
    void syncAgent() {
        agent().configure(rainbowEnabled, domainName, pabxId, activationCode, true);
    }

    /** What OMC's Webdiag shows under Services &gt; Rainbow Status. */
    String webdiagStatus() {
        AgentStatus status = agent().status();
        return switch (status) {
            case DISABLED -> "disabled";
            case WAITING_NETWORK, CONNECTING -> "connecting";
            case CONNECTED, DEGRADED -> "connected with final password";
            case ACTIVATION_REFUSED -> "error";
        };
    }
}
