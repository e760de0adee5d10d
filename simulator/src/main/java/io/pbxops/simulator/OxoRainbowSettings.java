package io.pbxops.simulator;

/**
 * The installer's OMC step (Cloud &gt; Rainbow): the body of {@code PUT /sim/v1/oxo/{serial}/rainbow}.
 * A null field keeps the OXO's current value.
 */
public record OxoRainbowSettings(Boolean rainbowEnabled, String pabxId, String activationCode, String domainName) {

    @Override
    public String toString() {
        return "OxoRainbowSettings[rainbowEnabled=" + rainbowEnabled + ", pabxId=" + pabxId + ", domainName="
                + domainName + "]";
    }
}
