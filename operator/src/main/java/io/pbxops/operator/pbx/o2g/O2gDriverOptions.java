package io.pbxops.operator.pbx.o2g;

import java.time.Duration;
import java.util.Objects;

/**
 * How the O2G driver reaches the gateways and what it calls the Rainbow objects.
 *
 * @param client timeouts, retries, clock, and the routing of hosts (the embedded mode routes them to its simulator)
 * @param names  the Rainbow object and attribute names configured (discovered from the model where left out)
 * @param readReuse how long after {@code observe} read a node {@code apply} takes that read instead of reading again
 *                  (the reconciler calls one right after the other); zero reads again every time
 */
public record O2gDriverOptions(O2gClientConfig client, O2gRainbowNames names, Duration readReuse) {

    public O2gDriverOptions {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(readReuse, "readReuse");
    }

    public static O2gDriverOptions defaults() {
        return new O2gDriverOptions(O2gClientConfig.defaults(), O2gRainbowNames.defaults(), Duration.ofSeconds(10));
    }

    public O2gDriverOptions withClient(O2gClientConfig value) {
        return new O2gDriverOptions(value, names, readReuse);
    }

    public O2gDriverOptions withNames(O2gRainbowNames value) {
        return new O2gDriverOptions(client, value, readReuse);
    }

    public O2gDriverOptions withReadReuse(Duration value) {
        return new O2gDriverOptions(client, names, value);
    }
}
