package io.pbxops.simulator.oxo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pbxops.simulator.OxoRainbowSettings;
import io.pbxops.simulator.OxoSpec;
import io.pbxops.simulator.agent.CloudLink;
import io.pbxops.simulator.agent.RainbowAgent;
import io.pbxops.simulator.support.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/** The simulated OXO Connect PBXs, by serial number. Under the world lock. */
public final class OxoFleet {

    /** A fleet equipment ID: {@code <fleetRef>-<installRef>}, e.g. {@code ALE12-1234.5678.90} (EXTENSIONS.md §3). */
    public static final Pattern FLEET_ID = Pattern.compile("^[A-Z0-9]{2,10}-[0-9]{4}\\.[0-9]{4}\\.[0-9]{2}$");

    private final Map<String, OxoAgent> oxos = new LinkedHashMap<>();
    private CloudLink cloud;

    /** Connects the agents to the cloud; set once, before any OXO exists. */
    public void connect(CloudLink cloud) {
        this.cloud = cloud;
    }

    /** Adds or replaces an OXO. */
    public void add(OxoSpec spec) {
        OxoAgent previous = oxos.get(spec.serial());
        if (previous != null) {
            cloud.agentRemoved(previous.agent());
        }
        OxoAgent oxo = OxoAgent.create(spec);
        oxos.put(oxo.serial, oxo);
        changed(oxo);
    }

    /** The installer's OMC step; null fields keep their value. */
    public void installerStep(String serial, OxoRainbowSettings settings) {
        OxoAgent oxo = oxos.get(serial);
        if (oxo == null) {
            throw new NoSuchElementException("No OXO with serial " + serial);
        }
        if (settings.rainbowEnabled() != null) {
            oxo.rainbowEnabled = settings.rainbowEnabled();
        }
        if (settings.pabxId() != null) {
            oxo.pabxId = settings.pabxId();
        }
        if (settings.activationCode() != null) {
            oxo.activationCode = settings.activationCode();
        }
        if (settings.domainName() != null) {
            oxo.domainName = settings.domainName();
        }
        changed(oxo);
    }

    /** With auto-fleet on: a system declared as a fleet OXO gets its stock OXO, once. */
    public void systemCreated(String pbxId, String activationCode) {
        if (pbxId.equals(activationCode) && FLEET_ID.matcher(pbxId).matches() && !oxos.containsKey(pbxId)) {
            add(new OxoSpec(pbxId, OxoSpec.Mode.STOCK, pbxId));
        }
    }

    public Collection<RainbowAgent> agents() {
        return oxos.values().stream().map(OxoAgent::agent).toList();
    }

    public void clear() {
        oxos.values().forEach(oxo -> cloud.agentRemoved(oxo.agent()));
        oxos.clear();
    }

    public JsonNode saveState() {
        return Json.MAPPER.valueToTree(oxos.values());
    }

    /** Replaces the OXOs with saved ones; the caller then lets the cloud re-evaluate the agents. */
    public void restoreState(JsonNode saved) {
        clear();
        for (JsonNode entry : saved) {
            OxoAgent oxo = Json.MAPPER.convertValue(entry, OxoAgent.class);
            oxos.put(oxo.serial, oxo);
            oxo.syncAgent();
        }
    }

    /** Every OXO with its settings (codes included) and its Webdiag status. */
    public ArrayNode snapshot() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        oxos.values()
                .forEach(oxo -> list.addObject()
                        .put("serial", oxo.serial)
                        .put("mode", oxo.mode.wireName())
                        .put("rainbowEnabled", oxo.rainbowEnabled)
                        .put("pabxId", oxo.pabxId)
                        .put("activationCode", oxo.activationCode)
                        .put("domainName", oxo.domainName)
                        .put("rainbowStatus", oxo.agent().status().wireName())
                        .put("webdiagRainbowStatus", oxo.webdiagStatus()));
        return list;
    }

    private void changed(OxoAgent oxo) {
        oxo.syncAgent();
        cloud.agentChanged(oxo.agent());
    }
}
