package io.pbxops.operator.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudCredentialsSourceTest {

    @TempDir
    Path secret;

    @Test
    void readsTheEnvironmentNames() {
        CloudCredentialsSource source = CloudCredentialsSource.fromEnvironment(Map.of(
                "PBXOPS_CLOUD_LOGIN",
                "ops@acme.example",
                "PBXOPS_CLOUD_PASSWORD",
                "pw-1",
                "PBXOPS_APP_ID",
                "app",
                "PBXOPS_APP_SECRET",
                "app-secret",
                "PBXOPS_CLOUD_URL",
                "https://sandbox.openrainbow.com"));

        assertEquals(new CloudCredentials("ops@acme.example", "pw-1", "app", "app-secret"), source.current());
        assertEquals(Optional.of(URI.create("https://sandbox.openrainbow.com")), source.cloudUrl());
    }

    @Test
    void aMissingEnvironmentValueIsNamedWithoutShowingTheOthers() {
        CloudCredentialsSource source = CloudCredentialsSource.fromEnvironment(
                Map.of("PBXOPS_CLOUD_LOGIN", "ops@acme.example", "PBXOPS_CLOUD_PASSWORD", "pw-1"));

        CloudCredentialsMissingException missing =
                assertThrows(CloudCredentialsMissingException.class, source::current);
        assertTrue(missing.getMessage().contains("PBXOPS_APP_ID, PBXOPS_APP_SECRET"), missing.getMessage());
        assertFalse(missing.getMessage().contains("pw-1"));
    }

    @Test
    void aMountedSecretIsReadAgainWhenItChanges() throws IOException {
        write("ops@acme.example", "pw-1\n");
        CloudCredentialsSource source = CloudCredentialsSource.fromDirectory(secret);
        CloudCredentials first = source.current();
        assertEquals("pw-1", first.password());

        write("ops@acme.example", "a-longer-pw-2\n");

        CloudCredentials second = source.current();
        assertEquals("a-longer-pw-2", second.password());
        assertNotEquals(first.fingerprint(), second.fingerprint());
    }

    @Test
    void aMountedSecretWithoutAFileSaysWhichOne() throws IOException {
        Files.writeString(secret.resolve("PBXOPS_CLOUD_LOGIN"), "ops@acme.example");

        CloudCredentialsMissingException missing = assertThrows(
                CloudCredentialsMissingException.class, CloudCredentialsSource.fromDirectory(secret)::current);
        assertTrue(
                missing.getMessage().contains("PBXOPS_CLOUD_PASSWORD, PBXOPS_APP_ID, PBXOPS_APP_SECRET"),
                missing.getMessage());
    }

    @Test
    void credentialsPrintWithoutTheirSecretsAndFingerprintsDependOnEveryValue() {
        CloudCredentials credentials = new CloudCredentials("ops@acme.example", "pw-1", "app", "app-secret");

        assertFalse(credentials.toString().contains("pw-1"));
        assertFalse(credentials.toString().contains("app-secret"));
        assertFalse(credentials.fingerprint().contains("pw-1"));
        assertEquals(
                credentials.fingerprint(),
                new CloudCredentials("ops@acme.example", "pw-1", "app", "app-secret").fingerprint());
        assertNotEquals(
                credentials.fingerprint(),
                new CloudCredentials("ops@acme.example", "pw-1", "app", "app-secreT").fingerprint());
        assertNotEquals(
                new CloudCredentials("a", "bc", "x", "y").fingerprint(),
                new CloudCredentials("ab", "c", "x", "y").fingerprint());
    }

    private void write(String login, String password) throws IOException {
        Files.writeString(secret.resolve("PBXOPS_CLOUD_LOGIN"), login);
        Files.writeString(secret.resolve("PBXOPS_CLOUD_PASSWORD"), password);
        Files.writeString(secret.resolve("PBXOPS_APP_ID"), "app");
        Files.writeString(secret.resolve("PBXOPS_APP_SECRET"), "app-secret");
    }
}
