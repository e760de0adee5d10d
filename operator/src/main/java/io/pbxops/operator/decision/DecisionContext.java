package io.pbxops.operator.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * What every decision needs besides the desired and the observed state: who holds the cloud object, what this cloud
 * serves, and how long to wait before looking again.
 *
 * @param pendingRecheck how soon to look at an object that is getting somewhere (a PBX connecting, an upgrade)
 * @param blockedRecheck how soon to look at one that waits for a person (a deletion blocked in the cloud)
 */
public record DecisionContext(
        Claim claim, Capabilities capabilities, Duration pendingRecheck, Duration blockedRecheck) {

    public DecisionContext {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(pendingRecheck, "pendingRecheck");
        Objects.requireNonNull(blockedRecheck, "blockedRecheck");
    }

    /** Free claims, everything served: what a plan assumes (it waits for nothing). */
    public static DecisionContext of(Duration pendingRecheck, Duration blockedRecheck) {
        return new DecisionContext(Claim.FREE, Capabilities.ASSUMED, pendingRecheck, blockedRecheck);
    }

    public DecisionContext withClaim(Claim value) {
        return new DecisionContext(value, capabilities, pendingRecheck, blockedRecheck);
    }

    public DecisionContext withCapabilities(Capabilities value) {
        return new DecisionContext(claim, value, pendingRecheck, blockedRecheck);
    }
}
