/**
 * The O2G (OmniPCX Open Gateway) REST management client: {@link io.pbxops.operator.pbx.o2g.O2gClient} for one
 * {@link io.pbxops.operator.pbx.o2g.O2gEndpoint}, the configurable Rainbow object and attribute names
 * ({@link io.pbxops.operator.pbx.o2g.O2gRainbowNames}) with their discovery
 * ({@link io.pbxops.operator.pbx.o2g.O2gRainbowDiscovery}), and the routing hook
 * ({@link io.pbxops.operator.pbx.o2g.EndpointRouting}) the embedded mode uses to reach the simulator.
 */
package io.pbxops.operator.pbx.o2g;
