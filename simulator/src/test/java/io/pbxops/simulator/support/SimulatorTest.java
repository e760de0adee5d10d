package io.pbxops.simulator.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One simulator per test class on free loopback ports, reset before each test, with helpers that speak the cloud
 * API over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimulatorTest {

    public static final String ADMIN = "/api/rainbow/admin/v1.0";
    public static final String AUTH = "/api/rainbow/authentication/v1.0";

    protected final TestClock clock = new TestClock();
    protected Simulator sim;
    protected Http cloud;
    protected String bpCompanyId;

    /** The configuration of this class's simulator; override to change it. */
    protected SimulatorConfig config() {
        return SimulatorConfig.defaults()
                .withCloudPort(0)
                .withO2gPort(0)
                .withSeed(42L)
                .withActivationDelay(Duration.ofMillis(10))
                .withUpgradeDelay(Duration.ofMillis(50))
                .withClock(clock);
    }

    @BeforeAll
    void startSimulator() {
        sim = Simulator.start(config());
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.control().reset();
        cloud = new Http(sim.cloudUrl()).bearer(login());
        bpCompanyId = sim.control().state().path("bpCompanyId").asText();
    }

    protected Http anonymous() {
        return new Http(sim.cloudUrl());
    }

    protected Http.Response loginResponse(String email, String password, String appSecret) {
        SimulatorConfig config = sim.config();
        return anonymous()
                .header("Authorization", Http.basic(email, password))
                .header("x-rainbow-app-auth", Http.basic(config.appId(), Http.sha256Hex(appSecret + password)))
                .get(AUTH + "/login");
    }

    protected String login() {
        SimulatorConfig config = sim.config();
        Http.Response response = loginResponse(config.login(), config.password(), config.appSecret());
        assertEquals(200, response.status(), () -> "login: " + response.body());
        return response.body().get("token").asText();
    }

    protected JsonNode ok(Http.Response response) {
        assertEquals(200, response.status(), () -> "unexpected answer: " + response.body());
        assertTrue(response.body().has("data"), () -> "every success carries data: " + response.body());
        return response.data();
    }

    protected String createCompany(String name) {
        return ok(cloud.post(
                        ADMIN + "/companies",
                        Http.JSON.createObjectNode().put("name", name).put("country", "FRA")))
                .get("id")
                .asText();
    }

    protected String createSite(String companyId, String name) {
        return ok(cloud.post(
                        ADMIN + "/sites",
                        Http.JSON
                                .createObjectNode()
                                .put("name", name)
                                .put("status", "active")
                                .put("companyId", companyId)))
                .get("id")
                .asText();
    }

    protected ObjectNode system(String name, String type, String siteId) {
        ObjectNode body =
                Http.JSON.createObjectNode().put("name", name).put("type", type).put("country", "FRA");
        if (siteId != null) {
            body.put("siteId", siteId);
        }
        return body;
    }

    protected JsonNode createSystem(ObjectNode body) {
        return ok(cloud.post(ADMIN + "/systems", body));
    }

    protected String systemStatus(String systemId) {
        return ok(cloud.get(ADMIN + "/systems/" + systemId)).get("status").asText();
    }

    protected String awaitSystemStatus(String systemId, String status) {
        return Await.until(() -> systemStatus(systemId), status::equals, "system " + systemId + " to be " + status);
    }
}
