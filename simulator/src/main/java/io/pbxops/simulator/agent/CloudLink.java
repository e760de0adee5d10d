package io.pbxops.simulator.agent;

/**
 * The cloud as a PBX agent reaches it (in process, standing in for the agent's WSS/XMPP link to the Rainbow PBX
 * Cloud Gateway). Callers hold the world lock.
 */
public interface CloudLink {

    /** The agent was created or its settings changed: the cloud (re)considers its connection. */
    void agentChanged(RainbowAgent agent);

    /** The agent is gone (its PBX was removed). */
    void agentRemoved(RainbowAgent agent);
}
