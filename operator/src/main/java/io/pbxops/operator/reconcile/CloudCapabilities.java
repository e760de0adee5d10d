package io.pbxops.operator.reconcile;

import io.pbxops.operator.cloud.CloudException;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.decision.Capabilities;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this cloud serves beyond its public contract, as probed: once when the operator starts, again at every drift
 * check, and whenever a path of it answers 404. Until a probe answers, everything is assumed served (and a 404 then
 * corrects it). Every decision gets a snapshot; a change is logged and exported as a metric.
 */
public final class CloudCapabilities {

    /** The metric's name of the gateway administration. */
    public static final String GATEWAYS = "gateway_administration";

    private static final Logger LOG = LoggerFactory.getLogger(CloudCapabilities.class);

    private volatile Boolean gateways;
    private volatile BiConsumer<String, Boolean> listener = (feature, served) -> {};

    /** Asks the cloud; a cloud that does not answer leaves what was known. */
    public void probe(CloudPort cloud) {
        try {
            served(cloud.gateways().served());
        } catch (CloudException e) {
            LOG.debug("could not probe the cloud's capabilities: {}", e.getMessage());
        }
    }

    /** A path of the gateway administration answered 404: it is not served (until a probe says otherwise). */
    public void gatewaysNotFound() {
        served(false);
    }

    private synchronized void served(boolean value) {
        if (gateways == null || gateways != value) {
            LOG.info(
                    "this cloud {} {}",
                    value ? "serves" : "does not serve",
                    Capabilities.GATEWAY_ADMINISTRATION
                            + (value
                                    ? ""
                                    : ": WebRtcGateway objects show UnsupportedByCloud and no gateway is called"));
        }
        gateways = value;
        listener.accept(GATEWAYS, value);
    }

    /** What decisions get: everything assumed served until a probe answers. */
    public Capabilities snapshot() {
        return new Capabilities(gateways == null || gateways);
    }

    /** What was probed: each feature's name, served or not; absent until a probe answered. */
    public Map<String, Boolean> probed() {
        Boolean value = gateways;
        return value == null ? Map.of() : Map.of(GATEWAYS, value);
    }

    /** Told each probed value (for the metric). */
    public void onChange(BiConsumer<String, Boolean> value) {
        listener = value;
    }
}
