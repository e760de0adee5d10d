package io.pbxops.operator.pbx.o2g;

/**
 * How the O2G driver reaches the gateways and what it calls the Rainbow objects.
 *
 * @param client timeouts, clock, and the routing of hosts (the embedded mode routes them to its simulator)
 * @param names  the Rainbow object and attribute names configured (discovered from the model where left out)
 */
public record O2gDriverOptions(O2gClientConfig client, O2gRainbowNames names) {

    public static O2gDriverOptions defaults() {
        return new O2gDriverOptions(O2gClientConfig.defaults(), O2gRainbowNames.defaults());
    }

    public O2gDriverOptions withClient(O2gClientConfig value) {
        return new O2gDriverOptions(value, names);
    }

    public O2gDriverOptions withNames(O2gRainbowNames value) {
        return new O2gDriverOptions(client, value);
    }
}
