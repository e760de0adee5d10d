package io.pbxops.operator.testing;

import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.CloudCredentials;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.RainbowClientConfig;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The simulator's reseller account, as a client and as the credential files {@code --credentials-dir} reads. */
public final class CloudAccount {

    private CloudAccount() {}

    public static CloudCredentials credentials(SimulatorConfig config) {
        return new CloudCredentials(config.login(), config.password(), config.appId(), config.appSecret());
    }

    /** A client with a roomy budget, for declaring a fleet quickly. */
    public static RainbowClient client(Simulator simulator) {
        return RainbowClient.create(
                RainbowClientConfig.defaults(simulator.cloudUrl())
                        .withBudget(CloudBudget.of(16, 500, Duration.ofMinutes(1))),
                CloudCredentialsSource.of(credentials(simulator.config())));
    }

    /** Writes the credential files into {@code folder}; answers the command-line arguments that name them. */
    public static List<String> cliArguments(Simulator simulator, Path folder) throws IOException {
        CloudCredentials credentials = credentials(simulator.config());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(CloudCredentialsSource.LOGIN), credentials.login());
        Files.writeString(folder.resolve(CloudCredentialsSource.PASSWORD), credentials.password());
        Files.writeString(folder.resolve(CloudCredentialsSource.APP_ID), credentials.appId());
        Files.writeString(folder.resolve(CloudCredentialsSource.APP_SECRET), credentials.appSecret());
        return List.of("--cloud-url", simulator.cloudUrl().toString(), "--credentials-dir", folder.toString());
    }
}
