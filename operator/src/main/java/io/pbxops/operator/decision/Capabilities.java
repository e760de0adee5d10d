package io.pbxops.operator.decision;

/**
 * What this cloud serves beyond its public contract, as a decision needs to know it. An input of every decision;
 * until it is probed, what the operator has always assumed: everything.
 *
 * @param gatewayAdministration the (invented) WebRTC gateway administration answers
 */
public record Capabilities(boolean gatewayAdministration) {

    /** Everything the operator uses is served. */
    public static final Capabilities ASSUMED = new Capabilities(true);
}
