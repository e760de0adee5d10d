package io.pbxops.operator.reconcile;

import java.time.Duration;

/**
 * Only one replica reconciles at a time: the holder of a Lease (coordination.k8s.io) in {@code namespace}.
 *
 * @param identity           this replica's name (the pod name in a cluster)
 * @param exitWhenLeaseIsLost stop the process when the lease is lost (in a cluster, Kubernetes restarts it clean)
 */
public record LeaderElection(
        String leaseName,
        String namespace,
        String identity,
        Duration leaseDuration,
        Duration renewDeadline,
        Duration retryPeriod,
        boolean exitWhenLeaseIsLost) {

    public static LeaderElection of(String leaseName, String namespace, String identity) {
        return new LeaderElection(
                leaseName,
                namespace,
                identity,
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                true);
    }
}
