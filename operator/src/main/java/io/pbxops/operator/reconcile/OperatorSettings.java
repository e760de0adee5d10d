package io.pbxops.operator.reconcile;

import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs: what it watches and how often it looks at the cloud.
 *
 * @param namespaces          the namespaces to watch; empty: all
 * @param driftInterval       how often the cloud is listed to find out-of-band changes
 * @param pendingRecheck      how often a PBX that is connecting (or upgrading) is looked at again
 * @param reconcileThreads    reconciles running at once
 * @param useServerSideApply  patch the primary resources with SSA (off where the API server lacks it)
 * @param failureBackoff      first wait after a failed reconcile; it doubles up to {@code maxFailureBackoff}
 * @param credentialsRecheck  how often refused credentials are tried again even if they did not change
 * @param leaderElection      null: this replica reconciles alone
 * @param shutdownTimeout     how long reconciles under way may take to finish when the operator stops
 */
public record OperatorSettings(
        Set<String> namespaces,
        Duration driftInterval,
        Duration pendingRecheck,
        int reconcileThreads,
        boolean useServerSideApply,
        Duration failureBackoff,
        Duration maxFailureBackoff,
        Duration credentialsRecheck,
        LeaderElection leaderElection,
        Duration shutdownTimeout) {

    public static OperatorSettings defaults() {
        return new OperatorSettings(
                Set.of(),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                10,
                false,
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                null,
                Duration.ofSeconds(30));
    }

    public OperatorSettings withLeaderElection(LeaderElection value) {
        return new OperatorSettings(
                namespaces,
                driftInterval,
                pendingRecheck,
                reconcileThreads,
                useServerSideApply,
                failureBackoff,
                maxFailureBackoff,
                credentialsRecheck,
                value,
                shutdownTimeout);
    }

    public OperatorSettings withShutdownTimeout(Duration value) {
        return new OperatorSettings(
                namespaces,
                driftInterval,
                pendingRecheck,
                reconcileThreads,
                useServerSideApply,
                failureBackoff,
                maxFailureBackoff,
                credentialsRecheck,
                leaderElection,
                value);
    }

    public OperatorSettings withNamespaces(Set<String> value) {
        return new OperatorSettings(
                value,
                driftInterval,
                pendingRecheck,
                reconcileThreads,
                useServerSideApply,
                failureBackoff,
                maxFailureBackoff,
                credentialsRecheck,
                leaderElection,
                shutdownTimeout);
    }

    public OperatorSettings withDriftInterval(Duration value) {
        return new OperatorSettings(
                namespaces,
                value,
                pendingRecheck,
                reconcileThreads,
                useServerSideApply,
                failureBackoff,
                maxFailureBackoff,
                credentialsRecheck,
                leaderElection,
                shutdownTimeout);
    }

    public OperatorSettings withPendingRecheck(Duration value) {
        return new OperatorSettings(
                namespaces,
                driftInterval,
                value,
                reconcileThreads,
                useServerSideApply,
                failureBackoff,
                maxFailureBackoff,
                credentialsRecheck,
                leaderElection,
                shutdownTimeout);
    }

    public OperatorSettings withReconcileThreads(int value) {
        return new OperatorSettings(
                namespaces,
                driftInterval,
                pendingRecheck,
                value,
                useServerSideApply,
                failureBackoff,
                maxFailureBackoff,
                credentialsRecheck,
                leaderElection,
                shutdownTimeout);
    }

    public OperatorSettings withServerSideApply(boolean value) {
        return new OperatorSettings(
                namespaces,
                driftInterval,
                pendingRecheck,
                reconcileThreads,
                value,
                failureBackoff,
                maxFailureBackoff,
                credentialsRecheck,
                leaderElection,
                shutdownTimeout);
    }

    public OperatorSettings withFailureBackoff(Duration first, Duration max) {
        return new OperatorSettings(
                namespaces,
                driftInterval,
                pendingRecheck,
                reconcileThreads,
                useServerSideApply,
                first,
                max,
                credentialsRecheck,
                leaderElection,
                shutdownTimeout);
    }
}
