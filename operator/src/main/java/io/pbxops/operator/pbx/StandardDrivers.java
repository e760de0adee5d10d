package io.pbxops.operator.pbx;

import io.pbxops.operator.api.PbxType;
import io.pbxops.operator.pbx.o2g.O2gDriverOptions;
import io.pbxops.operator.pbx.o2g.O2gPbxDriver;
import java.time.Clock;

/**
 * The endpoint drivers this build ships, one registry entry each: the one place that names the vendors. A new vendor
 * is a package beside {@code o2g} with its driver and options, an option here, and one {@code register} line.
 */
public final class StandardDrivers {

    /**
     * What the drivers are configured with, one part per vendor.
     *
     * @param o2g the O2G driver's (OmniPCX Enterprise)
     */
    public record Options(O2gDriverOptions o2g) {

        public static Options defaults() {
            return new Options(O2gDriverOptions.defaults());
        }

        public Options withO2g(O2gDriverOptions value) {
            return new Options(value);
        }

        /** Every driver on this clock (sessions, keepalives). */
        public Options withClock(Clock clock) {
            return new Options(o2g.withClient(o2g.client().withClock(clock)));
        }
    }

    private StandardDrivers() {}

    public static PbxEndpointDrivers create(Options options, PbxEndpointMetrics metrics) {
        return PbxEndpointDrivers.builder()
                .register(PbxType.OmniPCXEnterprise, EndpointKind.O2G, O2gPbxDriver.create(options.o2g(), metrics))
                .build();
    }
}
