package io.pbxops.operator.cli;

import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.pbx.o2g.EndpointRouting;
import io.pbxops.operator.pbx.o2g.O2gDriverOptions;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * How the commands that reach PBXs through O2G ({@code run}, {@code plan}) do it: the names of the OXE management
 * objects, and (a testing aid) where to send every endpoint's requests.
 */
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

    @Option(
            names = "--o2g-via",
            paramLabel = "URL",
            description = "Testing aid: send the requests of every PBX endpoint to URL (an O2G simulator, e.g. the one "
                    + "`up --no-operator` prints), naming the endpoint's host in X-Forwarded-Host, as `up` does. "
                    + "Default: each endpoint's own URL.")
    URI forwardTo;

    /** The drivers' options with these names and this routing (and the defaults for everything else). */
    StandardDrivers.Options drivers() {
        O2gDriverOptions o2g = O2gDriverOptions.defaults().withNames(names());
        if (forwardTo != null) {
            o2g = o2g.withClient(o2g.client().withRouting(EndpointRouting.forwardingTo(forwardTo)));
        }
        return StandardDrivers.Options.defaults().withO2g(o2g);
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
