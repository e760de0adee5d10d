package io.pbxops.operator.testing;

import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.pbx.o2g.EndpointRouting;
import io.pbxops.operator.pbx.o2g.O2gClientConfig;
import io.pbxops.operator.pbx.o2g.O2gDriverOptions;
import java.net.URI;

/** The PBX drivers' options for tests: every O2G host routed to the simulator, as {@code up} routes them. */
public final class TestDrivers {

    private TestDrivers() {}

    public static StandardDrivers.Options routedTo(URI o2gSimulator) {
        return StandardDrivers.Options.defaults()
                .withO2g(O2gDriverOptions.defaults()
                        .withClient(
                                O2gClientConfig.defaults().withRouting(EndpointRouting.forwardingTo(o2gSimulator))));
    }
}
