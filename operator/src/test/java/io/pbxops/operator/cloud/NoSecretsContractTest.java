package io.pbxops.operator.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.cloud.support.LogCapture;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.operator.pbx.o2g.EndpointRouting;
import io.pbxops.operator.pbx.o2g.O2gAttribute;
import io.pbxops.operator.pbx.o2g.O2gClient;
import io.pbxops.operator.pbx.o2g.O2gClientConfig;
import io.pbxops.operator.pbx.o2g.O2gEndpoint;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import io.pbxops.operator.testing.Ports;
import io.pbxops.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full run through the happy and the failing paths of both clients while every log line of the operator's
 * packages is captured at DEBUG; then no password, application secret, activation code or token may appear in a
 * log line, an exception (message, causes, stack trace) or the {@code toString} of a value that holds one.
 */
class NoSecretsContractTest {

    private static final String CLOUD_PASSWORD = "Cl0ud-Pa55word-471";
    private static final String APP_SECRET = "App-S3cret-5520";
    private static final String WRONG_PASSWORD = "Wr0ng-Pa55word-802";
    private static final String O2G_PASSWORD = "O2g-Pa55word-337";
    private static final String ACTIVATION_CODE = "Act1v8-C0de-9146";
    /** A fleet (stock-mode) PBX: its equipment ID is its activation code. */
    private static final String FLEET_ID = "ACME9-4242.1717.07";
    /** Every JWT (the cloud's tokens, the O2G credential) starts with a base64 of '{"'. */
    private static final String JWT_START = "eyJ";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(SimulatorConfig.defaults()
            .withPassword(CLOUD_PASSWORD)
            .withAppSecret(APP_SECRET)
            .withO2gPassword(O2G_PASSWORD));

    private final List<Throwable> failures = new ArrayList<>();
    private final List<String> printed = new ArrayList<>();

    @Test
    void noSecretInLogsExceptionsOrToString() throws IOException {
        Set<String> secrets = new HashSet<>(
                Set.of(CLOUD_PASSWORD, APP_SECRET, WRONG_PASSWORD, O2G_PASSWORD, ACTIVATION_CODE, FLEET_ID, JWT_START));
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            secrets.addAll(runCloud());
            runLockout();
            runUnreachable();
            runO2g();
            logLines = logs.lines();
        }

        assertTrue(logLines.size() > 20, "the run was logged at DEBUG: " + logLines.size());
        assertTrue(failures.size() >= 8, "the run went through the failing paths: " + failures.size());
        List<String> texts = new ArrayList<>(logLines);
        texts.addAll(printed);
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            texts.add(failure.toString());
            texts.add(trace.toString());
        }
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret leaked into: " + text);
            }
        }
    }

    /** Returns the activation codes the cloud generated on the way. */
    private Set<String> runCloud() {
        RainbowClient cloud = RainbowClient.create(
                SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.of(SIM.credentials()));
        printed.add(SIM.credentials().toString());
        CloudCompany company = cloud.companies().create(CompanySettings.named("Secretive"));
        CloudSite site = cloud.sites().create(SiteSettings.active("HQ", company.id()));
        NewSystem fleet = NewSystem.onSite(site.id(), SystemSettings.of("fleet", "oxo", "FRA"))
                .withPbxId(FLEET_ID)
                .withActivationCode(FLEET_ID);
        printed.add(fleet.toString());
        CloudSystem created = cloud.systems().create(fleet);
        assertEquals(FLEET_ID, created.jidPbxagentPassword(), "the code is in the record, not in its text");
        printed.add(cloud.systems().getByPbxId(FLEET_ID).toString());
        expectFailure(() -> cloud.systems().getByPbxId(FLEET_ID + "0"));
        printed.add(created.toString());
        CloudSystem reset = cloud.systems().resetPassword(created.id());
        printed.add(reset.toString());
        printed.add(cloud.systems().get(created.id()).toString());

        expectFailure(() -> cloud.systems().create(fleet)); // 409000 "System with pbxId = ... already exists"
        expectFailure(() -> cloud.systems()
                .create(NewSystem.onSite(site.id(), SystemSettings.of("long", "oxe", "FRA"))
                        .withActivationCode(ACTIVATION_CODE + "x".repeat(300))));
        expectFailure(() -> cloud.mediaPillars().create(new NewMediaPillar(created.id(), "external", null)));
        expectFailure(() -> cloud.systems().get("0123456789abcdef01234567"));
        SIM.control().faults(Map.of("failNext", 1, "errorStatuses", List.of(500)));
        expectFailure(() -> cloud.systems()
                .create(NewSystem.onSite(site.id(), SystemSettings.of("x", "oxe", "FRA"))
                        .withActivationCode(ACTIVATION_CODE)));
        SIM.control().expireTokens();
        cloud.systems().list(SystemFilter.all(), PageRequest.first());
        cloud.close();
        return Set.of(reset.jidPbxagentPassword());
    }

    private void runLockout() {
        CloudCredentials good = SIM.credentials();
        CloudCredentials wrong = new CloudCredentials(good.login(), WRONG_PASSWORD, good.appId(), good.appSecret());
        RainbowClient refused =
                RainbowClient.create(SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.of(wrong));
        for (int i = 0; i < 4; i++) {
            expectFailure(refused::login);
        }
        RainbowClient.create(SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.of(good))
                .login();
    }

    private void runUnreachable() throws IOException {
        URI closed = Ports.closed();
        RainbowClient nowhere = RainbowClient.create(
                RainbowClientConfig.defaults(closed)
                        .withRetry(new CloudRetrySettings(
                                Duration.ofMillis(1), Duration.ofMillis(2), 0, 1, Duration.ofSeconds(2))),
                CloudCredentialsSource.of(SIM.credentials()));
        expectFailure(nowhere::login);
    }

    private void runO2g() {
        O2gClientConfig config = O2gClientConfig.defaults().withRouting(EndpointRouting.forwardingTo(SIM.o2gUrl()));
        O2gEndpoint endpoint = O2gEndpoint.of(URI.create("https://o2g.secret.example"), "1", "admin", O2G_PASSWORD);
        SIM.control().addO2gHost(Map.of("host", "o2g.secret.example", "username", "admin", "password", O2G_PASSWORD));
        printed.add(endpoint.toString());
        O2gRainbowNames names = O2gRainbowNames.defaults();
        O2gAttribute code = O2gAttribute.of(names.activationCode(), ACTIVATION_CODE);
        O2gAttribute equipmentId = O2gAttribute.of(names.pbxId(), FLEET_ID);
        printed.add(code.toString());
        printed.add(equipmentId.toString());

        O2gClient o2g = O2gClient.create(endpoint, config);
        o2g.setAttributes("1", names.objectName(), names.instanceId(), List.of(code, equipmentId));
        printed.add(o2g.getInstance("1", names.objectName(), names.instanceId()).toString());
        expectFailure(() -> o2g.setAttributes(
                "1",
                names.objectName(),
                names.instanceId(),
                List.of(O2gAttribute.of(names.pbxId(), FLEET_ID + "z".repeat(300)))));
        expectFailure(() -> o2g.setAttributes(
                "1",
                names.objectName(),
                names.instanceId(),
                List.of(
                        O2gAttribute.of(names.activationCode(), ACTIVATION_CODE + "y".repeat(300)),
                        O2gAttribute.of(names.agentEnable(), ACTIVATION_CODE))));
        SIM.control().expireO2gSessions("o2g.secret.example");
        o2g.listNodes();
        o2g.close();

        O2gClient wrong = O2gClient.create(O2gEndpoint.of(endpoint.url(), "1", "admin", WRONG_PASSWORD), config);
        expectFailure(wrong::listNodes);
    }

    private void expectFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.add(e);
            return;
        }
        throw new AssertionError("expected a failure");
    }
}
