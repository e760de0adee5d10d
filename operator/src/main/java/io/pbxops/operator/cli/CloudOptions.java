package io.pbxops.operator.cli;

import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.InMemoryCloudMetrics;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.RainbowClientConfig;
import io.pbxops.operator.cloud.RainbowCloudPort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The cloud and its credentials, as every command that talks to the cloud takes them ({@code run}, {@code plan},
 * {@code export}): the {@code PBXOPS_*} environment or a credentials folder, the URL, and the request budget.
 */
public final class CloudOptions {

    static final URI DEFAULT_CLOUD_URL = URI.create("https://openrainbow.com");

    @Option(
            names = "--cloud-url",
            description = "The cloud's base URL. Default: PBXOPS_CLOUD_URL, or https://openrainbow.com.")
    URI cloudUrl;

    @Option(
            names = "--credentials-dir",
            description = "A folder holding the credential files (a mounted Secret) instead of the environment.")
    Path credentialsDir;

    @Option(
            names = "--cloud-max-concurrency",
            defaultValue = "8",
            description = "Cloud requests in flight at once, for all objects. Default: ${DEFAULT-VALUE}.")
    int maxConcurrency;

    @Option(
            names = "--cloud-rps",
            defaultValue = "20",
            description = "Cloud requests per second, for all objects. Default: ${DEFAULT-VALUE}.")
    int requestsPerSecond;

    @Option(
            names = "--cloud-page-size",
            defaultValue = "100",
            description = "Page size of the cloud's lists (1-1000). Default: ${DEFAULT-VALUE}.")
    int pageSize;

    /** The environment's {@code PBXOPS_*} variables, or the files of {@code --credentials-dir}. */
    CloudCredentialsSource credentials() {
        return credentialsDir != null
                ? CloudCredentialsSource.fromDirectory(credentialsDir)
                : CloudCredentialsSource.fromEnvironment();
    }

    URI url(CloudCredentialsSource credentials) {
        return cloudUrl != null ? cloudUrl : credentials.cloudUrl().orElse(DEFAULT_CLOUD_URL);
    }

    CloudBudget budget() {
        return CloudBudget.of(maxConcurrency, requestsPerSecond, Duration.ofMinutes(2));
    }

    int pageSize() {
        return pageSize;
    }

    /** A client of the cloud these options name, counting its requests in {@code metrics}. */
    RainbowCloudPort connect(InMemoryCloudMetrics metrics) {
        CloudCredentialsSource credentials = credentials();
        RainbowClient client = RainbowClient.create(
                RainbowClientConfig.defaults(url(credentials))
                        .withBudget(budget())
                        .withMetrics(metrics),
                credentials);
        return new RainbowCloudPort(client, pageSize);
    }
}
