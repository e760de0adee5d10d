package io.pbxops.operator.testing;

import io.fabric8.kubernetes.api.model.Secret;
import io.pbxops.simulator.OxoRainbowSettings;
import io.pbxops.simulator.Simulator;

/** The installer at a build-to-order OXO: types what the Pbx's activation Secret holds into OMC. */
public final class Installer {

    private Installer() {}

    public static void typeTheCode(Simulator simulator, String serial, Secret activation) {
        simulator
                .control()
                .installerStep(
                        serial,
                        new OxoRainbowSettings(
                                true,
                                Secrets.value(activation, "equipmentId"),
                                Secrets.value(activation, "activationCode"),
                                "openrainbow.com"));
    }
}
