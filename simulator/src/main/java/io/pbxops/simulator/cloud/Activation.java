package io.pbxops.simulator.cloud;

import io.pbxops.simulator.agent.AgentStatus;
import io.pbxops.simulator.agent.CloudLink;
import io.pbxops.simulator.agent.RainbowAgent;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.Ids;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The cloud side of the PBX handshake: an agent presenting a known pbxId and the system's activation code moves the
 * system {@code created → activating → activated} (one delay per step, asynchronously); a wrong code is refused and
 * recorded in {@code connectionHistory}. Every method runs under the world lock; delayed steps take it again.
 */
final class Activation implements CloudLink {

    static final String RAINBOW_DOMAIN = RainbowAgent.DEFAULT_DOMAIN;

    private final CloudState state;
    private final World world;
    private final Ids ids;
    private final Dates dates;
    private final Duration stepDelay;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Collection<RainbowAgent>> agents;
    /** Which system each agent is connected to or activating; runtime only. */
    private final Map<RainbowAgent, PbxSystem> bindings = new IdentityHashMap<>();

    Activation(
            CloudState state,
            World world,
            Ids ids,
            Dates dates,
            Duration stepDelay,
            ScheduledExecutorService scheduler,
            Supplier<Collection<RainbowAgent>> agents) {
        this.state = state;
        this.world = world;
        this.ids = ids;
        this.dates = dates;
        this.stepDelay = stepDelay;
        this.scheduler = scheduler;
        this.agents = agents;
    }

    @Override
    public void agentChanged(RainbowAgent agent) {
        evaluate(agent);
    }

    @Override
    public void agentRemoved(RainbowAgent agent) {
        PbxSystem bound = bindings.get(agent);
        if (bound != null) {
            unbind(agent, bound);
        }
    }

    /** Re-considers every agent: after a system appeared, or after the state was loaded. */
    void evaluateAll() {
        List.copyOf(agents.get()).forEach(this::evaluate);
    }

    void systemDeleted(PbxSystem system) {
        dropAgentsOf(system);
    }

    /** The cloud's "reset the PBX connection": a new code, back to created, the PBX disconnected. */
    void reset(PbxSystem system) {
        String code;
        do {
            code = ids.activationCode();
        } while (code.equals(system.activationCode));
        system.activationCode = code;
        system.status = PbxSystem.CREATED;
        system.activatingTransactionId = "";
        system.privateCode = "";
        system.finalPassword = "";
        system.statusUpdatedDate = dates.now();
        system.connectionHistory.add(new ConnectionEvent("reset", dates.now()));
        dropAgentsOf(system);
    }

    /** A channel went up or down: the connected agent shows Degraded or Connected. */
    void channelsChanged(PbxSystem system) {
        if (system.connectedAgent != null) {
            system.connectedAgent.status(connectedStatus(system));
        }
    }

    void clear() {
        bindings.clear();
    }

    private void dropAgentsOf(PbxSystem system) {
        List<RainbowAgent> affected = bindings.entrySet().stream()
                .filter(e -> e.getValue() == system)
                .map(Map.Entry::getKey)
                .toList();
        affected.forEach(agent -> {
            unbind(agent, system);
            evaluate(agent);
        });
    }

    private void evaluate(RainbowAgent agent) {
        AgentStatus blocked = agent.blockedStatus();
        PbxSystem target = blocked == null ? state.systemByPbxId(agent.pbxId()) : null;
        PbxSystem bound = bindings.get(agent);
        if (bound != null && (bound != target || !agent.activationCode().equals(bound.activationCode))) {
            unbind(agent, bound);
            bound = null;
        }
        if (bound != null) {
            agent.status(bound.connectedAgent == agent ? connectedStatus(bound) : AgentStatus.CONNECTING);
        } else if (blocked != null) {
            agent.status(blocked);
        } else if (target == null) {
            agent.status(AgentStatus.CONNECTING);
        } else if (target.connectedAgent != null
                || target.handshakeAgent != null
                || !agent.activationCode().equals(target.activationCode)) {
            refuse(agent, target);
        } else if (target.isActivated()) {
            connect(agent, target);
        } else {
            startHandshake(agent, target);
        }
    }

    private void refuse(RainbowAgent agent, PbxSystem system) {
        agent.status(AgentStatus.ACTIVATION_REFUSED);
        if (agent.refusedFirstTime(system.id + "/" + agent.activationCode())) {
            system.connectionHistory.add(new ConnectionEvent("activationRefused", dates.now()));
        }
    }

    private void startHandshake(RainbowAgent agent, PbxSystem system) {
        system.status = PbxSystem.CREATED;
        system.handshakeAgent = agent;
        bindings.put(agent, system);
        agent.status(AgentStatus.CONNECTING);
        later(() -> offerPrivateCode(agent, system));
    }

    private void offerPrivateCode(RainbowAgent agent, PbxSystem system) {
        if (!handshaking(agent, system) || !PbxSystem.CREATED.equals(system.status)) {
            return;
        }
        system.status = PbxSystem.ACTIVATING;
        system.activatingTransactionId = ids.hex(12);
        system.privateCode = ids.hex(16);
        system.statusUpdatedDate = dates.now();
        String transaction = system.activatingTransactionId;
        later(() -> {
            if (handshaking(agent, system) && transaction.equals(system.activatingTransactionId)) {
                system.status = PbxSystem.ACTIVATED;
                system.activatingTransactionId = "";
                system.finalPassword = lastDigits(system.privateCode);
                system.statusUpdatedDate = dates.now();
                system.connectionHistory.add(new ConnectionEvent("activated", dates.now()));
                system.handshakeAgent = null;
                connect(agent, system);
            }
        });
    }

    private boolean handshaking(RainbowAgent agent, PbxSystem system) {
        return state.systems.get(system.id) == system
                && system.handshakeAgent == agent
                && bindings.get(agent) == system;
    }

    private void connect(RainbowAgent agent, PbxSystem system) {
        bindings.put(agent, system);
        system.connectedAgent = agent;
        agent.clearRefusal();
        agent.status(connectedStatus(system));
    }

    private void unbind(RainbowAgent agent, PbxSystem system) {
        bindings.remove(agent);
        if (system.connectedAgent == agent) {
            system.connectedAgent = null;
        }
        if (system.handshakeAgent == agent) {
            system.handshakeAgent = null;
            if (PbxSystem.ACTIVATING.equals(system.status)) {
                system.status = PbxSystem.CREATED;
                system.activatingTransactionId = "";
                system.privateCode = "";
                system.statusUpdatedDate = dates.now();
            }
        }
    }

    private static AgentStatus connectedStatus(PbxSystem system) {
        return system.channelsDown.isEmpty() ? AgentStatus.CONNECTED : AgentStatus.DEGRADED;
    }

    private void later(Runnable step) {
        scheduler.schedule(() -> world.write(step), stepDelay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Once activated, the cloud shows a hash of the private code, cut to its last 8 digits. */
    private static String lastDigits(String privateCode) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(privateCode.getBytes(StandardCharsets.UTF_8));
            String digits = new BigInteger(1, hash).toString();
            return digits.substring(digits.length() - 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
