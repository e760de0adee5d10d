package io.pbxops.operator.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A simulated PBX stands behind every Pbx applied to the embedded API server, with the credentials its Secret holds. */
class SimulatedPbxsTest {

    static final String OXE = """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: acme-oxe1, namespace: default}
            spec:
              companyRef: {name: acme}
              type: OmniPCXEnterprise
              dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00", outboundPrefix: "0", useOutboundPrefix: true}
              network: {dns: {primary: 10.20.0.53}}
              endpoint:
                url: https://o2g.acme.example
                standbyUrl: https://o2g-standby.acme.example
                nodeId: "3"
                credentialsSecretRef: {name: acme-o2g}
            """;

    static final String BUILD_TO_ORDER_OXO = """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: umbrella-oxo, namespace: default}
            spec:
              companyRef: {name: umbrella}
              type: OXOConnect
              activation: {mode: Generated}
              dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00", outboundPrefix: "0", useOutboundPrefix: false}
            """;

    private EmbeddedApiServer server;
    private Simulator simulator;
    private SimulatedPbxs pbxs;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.start(0);
        simulator = Simulator.start(
                SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(3L));
        pbxs = new SimulatedPbxs(server.client(), simulator.control());
        pbxs.start();
    }

    @AfterEach
    void stop() {
        pbxs.close();
        simulator.close();
        server.close();
    }

    @Test
    void everyManagementEndpointGetsAnO2gHostWithTheSecretsCredentials() {
        KubernetesClient client = server.client();
        client.secrets().resource(secret("o2g-admin", "first-password")).create();
        client.resource(OXE).create();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> authenticates("o2g.acme.example", "o2g-admin", "first-password"));
        assertEquals(200, authenticate("o2g-standby.acme.example", "o2g-admin", "first-password"));
        JsonNode host = host("o2g.acme.example");
        assertEquals("3", host.at("/nodes/0/nodeId").asText());

        client.secrets().resource(secret("o2g-admin", "second-password")).update();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> authenticates("o2g.acme.example", "o2g-admin", "second-password"));
        assertEquals(401, authenticate("o2g.acme.example", "o2g-admin", "first-password"));
    }

    @Test
    void aBuildToOrderOxoWaitsForItsInstaller() {
        server.client().resource(BUILD_TO_ORDER_OXO).create();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> simulator.control().state().path("oxoAgents").size() == 1);
        JsonNode oxo = simulator.control().state().path("oxoAgents").get(0);
        assertEquals("umbrella-oxo.default", oxo.path("serial").asText());
        assertEquals("btco", oxo.path("mode").asText());
    }

    private static Secret secret(String username, String password) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("acme-o2g")
                .withNamespace("default")
                .endMetadata()
                .withStringData(Map.of("username", username, "password", password))
                .build();
    }

    private JsonNode host(String name) {
        for (JsonNode host : simulator.control().state().path("o2gHosts")) {
            if (name.equals(host.path("host").asText())) {
                return host;
            }
        }
        throw new AssertionError("no O2G host " + name);
    }

    private boolean authenticates(String host, String username, String password) {
        return authenticate(host, username, password) == 200;
    }

    private int authenticate(String host, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(
                            HttpRequest.newBuilder(
                                            URI.create(simulator.o2gUrl() + "/api/rest/authenticate?version=1.0"))
                                    .header("X-Forwarded-Host", host)
                                    .header("Authorization", "Basic " + basic)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
