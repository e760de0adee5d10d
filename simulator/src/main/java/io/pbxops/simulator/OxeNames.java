package io.pbxops.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;
import java.util.Map;

/**
 * The OXE management object and attribute names of the Rainbow menu and of the network prerequisites. No vendor
 * document shows them, so these are placeholders (EXTENSIONS.md §2), overridable per run with {@link #withOverrides}.
 */
public record OxeNames(
        String rainbowObject,
        String agentEnable,
        String domain,
        String pbxId,
        String activationCode,
        String connectionStatus,
        String networkObject,
        String dnsPrimary,
        String dnsSecondary,
        String proxyHost,
        String proxyPort,
        String proxyLogin,
        String proxyPassword) {

    public static OxeNames defaults() {
        return new OxeNames(
                "Rainbow",
                "Rainbow_Agent_Enable",
                "Rainbow_Domain",
                "Rainbow_PBXID",
                "Rainbow_Activation_Code",
                "Rainbow_Connection_Status",
                "Rainbow_Network",
                "DNS_Primary",
                "DNS_Secondary",
                "Proxy_Host",
                "Proxy_Port",
                "Proxy_Login",
                "Proxy_Password");
    }

    /** A copy with some names replaced; keys are this record's component names (e.g. {@code rainbowObject}). */
    public OxeNames withOverrides(Map<String, String> overrides) {
        ObjectNode names = Json.MAPPER.valueToTree(this);
        overrides.forEach((key, value) -> {
            if (!names.has(key)) {
                throw new IllegalArgumentException("Unknown OXE name key '" + key + "', expected one of "
                        + Json.MAPPER.convertValue(names, Map.class).keySet());
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("OXE name '" + key + "' must not be blank");
            }
            names.put(key, value);
        });
        return Json.MAPPER.convertValue(names, OxeNames.class);
    }
}
