package io.pbxops.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.cloud.CloudApi;
import io.pbxops.simulator.faults.FaultInjector;
import io.pbxops.simulator.faults.RequestCounter;
import io.pbxops.simulator.o2g.O2gHosts;
import io.pbxops.simulator.oxo.OxoFleet;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * The test hooks of a running simulator, in process: the same operations as the control API {@code /sim/v1}
 * (EXTENSIONS.md §4). Thread-safe. Unknown systems, OXOs or hosts throw {@link NoSuchElementException} or the
 * cloud's own 404; invalid values throw {@link IllegalArgumentException}.
 */
public final class SimulatorControl {

    private final World world;
    private final CloudApi cloud;
    private final O2gHosts o2g;
    private final OxoFleet oxo;
    private final FaultInjector cloudFaults;
    private final FaultInjector o2gFaults;
    private final RequestCounter counter;

    SimulatorControl(
            World world,
            CloudApi cloud,
            O2gHosts o2g,
            OxoFleet oxo,
            FaultInjector cloudFaults,
            FaultInjector o2gFaults,
            RequestCounter counter) {
        this.world = world;
        this.cloud = cloud;
        this.o2g = o2g;
        this.oxo = oxo;
        this.cloudFaults = cloudFaults;
        this.o2gFaults = o2gFaults;
        this.counter = counter;
    }

    /** The whole state: companies, sites, systems (with codes), gateways, O2G hosts and nodes, OXOs, faults. */
    public ObjectNode state() {
        ObjectNode state = world.read(() -> {
            ObjectNode snapshot = cloud.snapshot();
            snapshot.set("o2gHosts", o2g.snapshot());
            snapshot.set("oxoAgents", oxo.snapshot());
            return snapshot;
        });
        ObjectNode faults = state.putObject("faults");
        faults.set("cloud", Json.MAPPER.valueToTree(cloudFaults.settings()));
        faults.set("o2g", Json.MAPPER.valueToTree(o2gFaults.settings()));
        return state;
    }

    /**
     * Empties the cloud (but for the BP company of the account) and the PBXs (back to the default O2G host), puts the
     * faults back to the start configuration, zeroes the counters and unlocks the account. Tokens stay valid.
     */
    public void reset() {
        world.write(() -> {
            cloud.reset();
            o2g.reset();
            oxo.clear();
        });
        cloudFaults.reset();
        o2gFaults.reset();
        counter.clear();
    }

    public FaultSettings faults(FaultTarget target) {
        return injector(target).settings();
    }

    /** Changes the faults of one API; returns the new settings. */
    public FaultSettings updateFaults(FaultTarget target, UnaryOperator<FaultSettings> change) {
        injector(target).update(change);
        return injector(target).settings();
    }

    /**
     * The faults injected into one API since the start, the last reset or the last {@link #clearRequestCounts}, by
     * kind: {@code drop}, {@code tooManyRequests}, {@code error}, {@code dropAfterWrite}, {@code errorAfterWrite}
     * (zeros included). An after-write fault drawn for a write the API refused is not injected, nor counted.
     */
    public Map<String, Long> injectedFaults(FaultTarget target) {
        Map<String, Long> counts = new LinkedHashMap<>();
        injector(target).injectedCounts().forEach((outcome, count) -> counts.put(outcome.wireName(), count));
        return counts;
    }

    /** No fault at all on either API. */
    public void clearFaults() {
        cloudFaults.update(current -> FaultSettings.none());
        o2gFaults.update(current -> FaultSettings.none());
    }

    public List<RequestCount> requestCounts() {
        return counter.snapshot();
    }

    /** How many requests were answered on one route with one method, whatever the status. */
    public long requestCount(String method, String route) {
        return counter.snapshot().stream()
                .filter(c -> c.method().equals(method) && c.route().equals(route))
                .mapToLong(RequestCount::count)
                .sum();
    }

    /** Zeroes the request counts and the counts of injected faults. */
    public void clearRequestCounts() {
        counter.clear();
        cloudFaults.clearInjected();
        o2gFaults.clearInjected();
    }

    /** Every cloud token issued so far expires now. */
    public void expireTokens() {
        cloud.expireTokens();
    }

    /** Adds or replaces a virtual O2G host and its OXE nodes. */
    public void putO2gHost(O2gHostSpec spec) {
        world.write(() -> o2g.put(spec));
    }

    /** Every O2G session of that host expires now. */
    public void expireO2gSessions(String host) {
        if (!world.read(() -> o2g.expireSessions(host))) {
            throw new NoSuchElementException("No O2G host " + host);
        }
    }

    /** Adds or replaces an OXO Connect. */
    public void addOxo(OxoSpec spec) {
        world.write(() -> oxo.add(spec));
    }

    /** The installer types the Rainbow settings into OMC. */
    public void installerStep(String serial, OxoRainbowSettings settings) {
        world.write(() -> oxo.installerStep(serial, settings));
    }

    /** Takes one channel of a cloud system down (Degraded) or up again. */
    public void setChannel(String systemId, Channel channel, boolean up) {
        world.write(() -> cloud.setChannel(systemId, channel, up));
    }

    /** The state of secret identity in the PBX's main entity, shown read-only in the system's {@code x-pbxops}. */
    public void setSecretIdentityActive(String systemId, boolean active) {
        world.write(() -> cloud.setSecretIdentityActive(systemId, active));
    }

    /** Publishes a newer WebRTC gateway software version (it becomes {@code availableVersion}). */
    public void publishMediaPillarVersion(String version) {
        world.write(() -> cloud.publishGatewayVersion(version));
    }

    private FaultInjector injector(FaultTarget target) {
        return target == FaultTarget.O2G ? o2gFaults : cloudFaults;
    }
}
