package io.pbxops.operator.cli;

import io.pbxops.operator.cloud.CloudOutcome;
import io.pbxops.operator.cloud.InMemoryCloudMetrics;
import io.pbxops.operator.cloud.RainbowCloudPort;
import io.pbxops.operator.gitops.CloudSnapshot;
import io.pbxops.operator.gitops.FleetProgress;

/**
 * One read of the whole fleet for {@code plan} and {@code export}: a client of the cloud the options name, the four
 * lists read page by page, and how many requests it took.
 */
final class CloudReader implements AutoCloseable {

    private final InMemoryCloudMetrics metrics = new InMemoryCloudMetrics();
    private final RainbowCloudPort cloud;

    CloudReader(CloudOptions options) {
        this.cloud = options.connect(metrics);
    }

    CloudSnapshot read(FleetProgress progress) {
        return CloudSnapshot.read(cloud, progress);
    }

    /** Requests answered so far (logins, pages, failures and retries included). */
    long requests() {
        return metrics.snapshot().entrySet().stream()
                .filter(e -> e.getKey().outcome().equals(CloudOutcome.SUCCESS)
                        || e.getKey().outcome().startsWith("http_")
                        || e.getKey().outcome().equals(CloudOutcome.IO_ERROR))
                .mapToLong(e -> e.getValue())
                .sum();
    }

    @Override
    public void close() {
        cloud.client().close();
    }
}
