package io.pbxops.operator.embedded;

import io.pbxops.simulator.CloudContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@code up} runs.
 *
 * @param manifests         files or folders applied at start (the samples by default)
 * @param manifestsExplicit whether they were named on the command line: a restored cluster state is then still
 *                          re-applied over; otherwise a restored state is left as it was
 * @param kubeconfig        where the kubeconfig for kubectl is written
 * @param apiPort           the embedded API server's port (0: any free one)
 * @param cloudPort         the cloud simulator's port, also its control API (0: any free one)
 * @param o2gPort           the O2G simulator's port (0: any free one)
 * @param stateDir          where the simulator's state and the cluster's objects are kept across runs; null: memory only
 * @param driftInterval     how often the operator lists the cloud for out-of-band changes
 * @param pendingRecheck    how often a connecting PBX is looked at again
 * @param activationDelay   each step of a simulated PBX activation
 * @param cloudContract     which cloud the simulator serves: with the project's extensions, or the documented one only
 * @param operator          whether to run the operator too; without it, an operator started apart ({@code run}, a
 *                          testing aid) reconciles the fleet, and can be killed and restarted against it
 */
public record UpSettings(
        List<Path> manifests,
        boolean manifestsExplicit,
        Path kubeconfig,
        int apiPort,
        int cloudPort,
        int o2gPort,
        Path stateDir,
        Duration driftInterval,
        Duration pendingRecheck,
        Duration activationDelay,
        CloudContract cloudContract,
        boolean operator) {

    public UpSettings {
        manifests = List.copyOf(manifests);
    }

    /** With the operator, against the extended cloud. */
    public UpSettings(
            List<Path> manifests,
            boolean manifestsExplicit,
            Path kubeconfig,
            int apiPort,
            int cloudPort,
            int o2gPort,
            Path stateDir,
            Duration driftInterval,
            Duration pendingRecheck,
            Duration activationDelay) {
        this(
                manifests,
                manifestsExplicit,
                kubeconfig,
                apiPort,
                cloudPort,
                o2gPort,
                stateDir,
                driftInterval,
                pendingRecheck,
                activationDelay,
                CloudContract.EXTENDED,
                true);
    }

    /** The file next to the kubeconfig telling other commands (the installer step) where this {@code up} listens. */
    public Path addressesFile() {
        return siblingOfKubeconfig("up.json");
    }

    public Path siblingOfKubeconfig(String name) {
        Path parent = kubeconfig.toAbsolutePath().getParent();
        return parent.resolve(name);
    }
}
