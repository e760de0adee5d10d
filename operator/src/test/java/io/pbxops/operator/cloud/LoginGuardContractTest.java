package io.pbxops.operator.cloud;

import static io.pbxops.operator.cloud.support.SimControl.AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.support.SimControl;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login guard: three refused logins, then nothing is sent until the credentials change (the cloud locks the
 * account after five).
 */
class LoginGuardContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private static final String LOGIN = AUTH + "/login";

    @TempDir
    Path secretDirectory;

    private SimControl control;

    @BeforeEach
    void setUp() {
        control = SIM.control();
    }

    @Test
    void threeRefusalsThenSilenceUntilTheCredentialsChange() {
        CloudCredentials good = SIM.credentials();
        CloudCredentials wrong = new CloudCredentials(good.login(), "not-the-password", good.appId(), good.appSecret());
        AtomicReference<CloudCredentials> current = new AtomicReference<>(wrong);
        InMemoryCloudMetrics metrics = new InMemoryCloudMetrics();
        RainbowClient cloud = RainbowClient.create(SIM.clientConfig(metrics), current::get);

        for (int attempt = 1; attempt <= 3; attempt++) {
            CloudCredentialsRefusedException refused = assertThrows(
                    CloudCredentialsRefusedException.class,
                    () -> cloud.companies().list(CompanyFilter.all(), PageRequest.first()));
            assertEquals(401500, refused.errorCode());
            assertEquals(attempt == 3, refused.suspended(), "attempt " + attempt);
        }
        assertEquals(3, control.requests("GET", LOGIN, 401));
        long requestsSoFar = control.allRequests();

        CloudCredentialsRefusedException held = assertThrows(
                CloudCredentialsRefusedException.class,
                () -> cloud.companies().list(CompanyFilter.all(), PageRequest.first()));
        assertTrue(held.suspended());
        assertTrue(held.getMessage().contains("PBXOPS_CLOUD_PASSWORD"), "says what to do: " + held.getMessage());
        assertTrue(held.getMessage().contains(good.login()), held.getMessage());
        assertEquals(requestsSoFar, control.allRequests(), "no HTTP call while suspended");
        assertEquals(3, metrics.count("GET /login", CloudOutcome.statusClass(401)));

        current.set(good);

        cloud.companies().list(CompanyFilter.all(), PageRequest.first());
        assertEquals(1, control.requests("GET", LOGIN, 200));
        assertEquals(3, control.requests("GET", LOGIN, 401));
    }

    @Test
    void aMountedSecretThatIsFixedIsPickedUp() throws IOException {
        CloudCredentials good = SIM.credentials();
        writeSecret(good.login(), "typo-password", good.appId(), good.appSecret());
        RainbowClient cloud = RainbowClient.create(
                SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.fromDirectory(secretDirectory));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThrows(CloudCredentialsRefusedException.class, cloud::login);
        }
        assertTrue(assertThrows(CloudCredentialsRefusedException.class, cloud::login)
                .suspended());
        assertEquals(3, control.requests("GET", LOGIN, 401));

        writeSecret(good.login(), good.password(), good.appId(), good.appSecret());

        cloud.login();
        assertEquals(1, control.requests("GET", LOGIN, 200));
    }

    @Test
    void aWrongApplicationSecretCountsAsARefusal() {
        CloudCredentials good = SIM.credentials();
        AtomicReference<CloudCredentials> current = new AtomicReference<>(
                new CloudCredentials(good.login(), good.password(), good.appId(), "wrong-app-secret"));
        RainbowClient cloud = RainbowClient.create(SIM.clientConfig(new InMemoryCloudMetrics()), current::get);

        CloudCredentialsRefusedException refused = assertThrows(CloudCredentialsRefusedException.class, cloud::login);

        assertFalse(refused.suspended());
        assertEquals(1, control.requests("GET", LOGIN, 401));
        current.set(good);
        cloud.login(); // a success clears the simulator's failure count for the other tests
    }

    @Test
    void theGuardCanBeResetByHandForTheSameCredentials() {
        CloudCredentials good = SIM.credentials();
        AtomicReference<Boolean> useGood = new AtomicReference<>(false);
        CloudCredentials wrong = new CloudCredentials(good.login(), "nope", good.appId(), good.appSecret());
        RainbowClient cloud =
                RainbowClient.create(SIM.clientConfig(new InMemoryCloudMetrics()), () -> useGood.get() ? good : wrong);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThrows(CloudCredentialsRefusedException.class, cloud::login);
        }

        cloud.resetLoginGuard();

        assertFalse(
                assertThrows(CloudCredentialsRefusedException.class, cloud::login)
                        .suspended(),
                "a fresh count after the reset");
        assertEquals(4, control.requests("GET", LOGIN, 401));
        useGood.set(true);
        cloud.login(); // clears the simulator's failure count for the other tests
    }

    private void writeSecret(String login, String password, String appId, String appSecret) throws IOException {
        Files.writeString(secretDirectory.resolve(CloudCredentialsSource.LOGIN), login);
        Files.writeString(secretDirectory.resolve(CloudCredentialsSource.PASSWORD), password);
        Files.writeString(secretDirectory.resolve(CloudCredentialsSource.APP_ID), appId);
        Files.writeString(secretDirectory.resolve(CloudCredentialsSource.APP_SECRET), appSecret);
    }
}
