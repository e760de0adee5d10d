package io.pbxops.operator.cloud;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cloud credentials come from. The client asks again before every login, so a source that re-reads
 * (a mounted Secret) lets new credentials take effect without a restart.
 *
 * <p>The names are the same in the environment and as file names in a directory:
 * {@value #LOGIN}, {@value #PASSWORD}, {@value #APP_ID}, {@value #APP_SECRET}, and optionally {@value #CLOUD_URL}.
 */
public interface CloudCredentialsSource {

    String LOGIN = "PBXOPS_CLOUD_LOGIN";
    String PASSWORD = "PBXOPS_CLOUD_PASSWORD";
    String APP_ID = "PBXOPS_APP_ID";
    String APP_SECRET = "PBXOPS_APP_SECRET";
    String CLOUD_URL = "PBXOPS_CLOUD_URL";

    /**
     * The credentials as they are now.
     *
     * @throws CloudCredentialsMissingException when a value is missing or empty
     */
    CloudCredentials current();

    /** The cloud's base URL when the source names one (e.g. {@code https://openrainbow.com}). */
    default Optional<URI> cloudUrl() {
        return Optional.empty();
    }

    /** Fixed credentials (tests, embedded mode). */
    static CloudCredentialsSource of(CloudCredentials credentials) {
        return () -> credentials;
    }

    /** The process environment. */
    static CloudCredentialsSource fromEnvironment() {
        return new EnvironmentCredentialsSource(System.getenv());
    }

    /** A map shaped like the environment (tests). */
    static CloudCredentialsSource fromEnvironment(Map<String, String> environment) {
        return new EnvironmentCredentialsSource(Map.copyOf(environment));
    }

    /** A directory holding one file per name, as a Kubernetes Secret mounted as a volume gives. Re-read on change. */
    static CloudCredentialsSource fromDirectory(Path directory) {
        return new DirectoryCredentialsSource(directory);
    }
}
