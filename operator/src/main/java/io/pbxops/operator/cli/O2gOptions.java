package io.pbxops.operator.cli;

import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.pbx.o2g.O2gDriverOptions;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import picocli.CommandLine.Option;

/** The names of the OXE management objects, for the commands that reach PBXs through O2G ({@code run}, {@code plan}). */
public final class O2gOptions {

    @Option(
            names = "--o2g-rainbow-object",
            description =
                    "The OXE management object holding the Rainbow settings, when it is not discovered. Default: Rainbow.")
    String rainbowObject;

    @Option(
            names = "--o2g-network-object",
            description =
                    "The OXE management object holding the Rainbow agent's DNS/proxy settings. Default: Rainbow_Network.")
    String networkObject;

    /** The drivers' options with these names (and the defaults for everything else). */
    StandardDrivers.Options drivers() {
        return StandardDrivers.Options.defaults()
                .withO2g(O2gDriverOptions.defaults().withNames(names()));
    }

    O2gRainbowNames names() {
        O2gRainbowNames names = O2gRainbowNames.defaults();
        if (rainbowObject != null) {
            names = names.withObjectName(rainbowObject);
        }
        if (networkObject != null) {
            names = names.withNetworkObjectName(networkObject);
        }
        return names;
    }
}
