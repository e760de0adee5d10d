package io.pbxops.operator.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * What every decision needs besides the desired and the observed state: who holds the cloud object, what this cloud
 * serves, and how long to wait before looking again.
 *
 * @param pendingRecheck how soon to look at an object that is getting somewhere (a PBX connecting, an upgrade)
 * @param blockedRecheck how soon to look at one that waits for a person (a deletion blocked in the cloud)
 * @param unsupportedRecheck how soon to look again at one that needs what this cloud does not serve
 */
public record DecisionContext(
        Claim claim,
        Capabilities capabilities,
        Duration pendingRecheck,
        Duration blockedRecheck,
        Duration unsupportedRecheck) {

    public DecisionContext {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(pendingRecheck, "pendingRecheck");
        Objects.requireNonNull(blockedRecheck, "blockedRecheck");
        Objects.requireNonNull(unsupportedRecheck, "unsupportedRecheck");
    }

    /** Free claims, everything served: what a plan assumes (it waits for nothing). */
    public static DecisionContext of(Duration pendingRecheck, Duration blockedRecheck) {
        return new DecisionContext(Claim.FREE, Capabilities.ASSUMED, pendingRecheck, blockedRecheck, blockedRecheck);
    }

    public DecisionContext withClaim(Claim value) {
        return new DecisionContext(value, capabilities, pendingRecheck, blockedRecheck, unsupportedRecheck);
    }

    public DecisionContext withCapabilities(Capabilities value) {
        return new DecisionContext(claim, value, pendingRecheck, blockedRecheck, unsupportedRecheck);
    }

    public DecisionContext withUnsupportedRecheck(Duration value) {
        return new DecisionContext(claim, capabilities, pendingRecheck, blockedRecheck, value);
    }
}
