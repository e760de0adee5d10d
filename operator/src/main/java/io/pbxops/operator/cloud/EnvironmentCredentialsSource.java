package io.pbxops.operator.cloud;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Credentials from environment variables (read once: a process environment does not change). */
final class EnvironmentCredentialsSource implements CloudCredentialsSource {

    private final Map<String, String> environment;

    EnvironmentCredentialsSource(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public CloudCredentials current() {
        List<String> missing = new ArrayList<>();
        String login = value(LOGIN, missing);
        String password = value(PASSWORD, missing);
        String appId = value(APP_ID, missing);
        String appSecret = value(APP_SECRET, missing);
        if (!missing.isEmpty()) {
            throw new CloudCredentialsMissingException(
                    "Cloud credentials incomplete: set the environment variable(s) " + String.join(", ", missing));
        }
        return new CloudCredentials(login, password, appId, appSecret);
    }

    @Override
    public Optional<URI> cloudUrl() {
        String url = environment.get(CLOUD_URL);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url.trim()));
    }

    private String value(String name, List<String> missing) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return null;
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "environment credentials";
    }
}
