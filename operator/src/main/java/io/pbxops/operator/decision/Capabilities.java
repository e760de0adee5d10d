package io.pbxops.operator.decision;

/**
 * What this cloud serves beyond its public contract, as a decision needs to know it: probed by the operator, an input
 * of every decision. What is not served is never called; the objects that need it say {@code UnsupportedByCloud}.
 *
 * @param gatewayAdministration the (invented) WebRTC gateway administration answers
 */
public record Capabilities(boolean gatewayAdministration) {

    /** The name of the gateway administration, for people. */
    public static final String GATEWAY_ADMINISTRATION = "the WebRTC gateway administration";

    /** Everything the operator uses is served (the default until a probe says otherwise). */
    public static final Capabilities ASSUMED = new Capabilities(true);
}
