package io.pbxops.operator.pbx.o2g;

import static io.pbxops.operator.pbx.o2g.O2gSimulator.AUTHENTICATE;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.DISCOVER;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.INSTANCE;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.SESSIONS;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointMetrics;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * O2G calls survive passing faults (the simulator's O2G fault injection): a 5xx or a dropped connection is repeated
 * within the call, with a bound; a 4xx is final.
 */
class O2gPassingFaultsContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private static final String HOST = "o2g.faulty.example";
    private static final String USER = "faulty-admin";
    private static final String PASSWORD = "faulty-o2g-Pa55";

    private final O2gSimulator o2gSim = new O2gSimulator(SIM);
    private final O2gRainbowNames names = O2gRainbowNames.defaults();
    private O2gClient o2g;

    @BeforeEach
    void setUp() {
        o2gSim.addHost(HOST, USER, PASSWORD, 12);
        o2g = O2gClient.create(O2gGateway.of(URI.create("https://" + HOST), USER, PASSWORD), o2gSim.clientConfig());
    }

    @AfterEach
    void tearDown() {
        o2g.close();
    }

    @Test
    void fiveHundredsAreRepeatedWithinTheCall() {
        o2g.openSession();
        SIM.control().clearRequests();
        o2gSim.o2gFaults(Map.of("failNext", 3, "errorStatuses", List.of(500, 502, 503)));

        O2gInstance rainbow = o2g.getInstance("1", names.objectName(), names.instanceId());

        assertEquals(O2gRainbowNames.NO, rainbow.value(names.agentEnable()).orElseThrow());
        assertEquals(4, o2gSim.requests("GET", INSTANCE), o2gSim.byRoute().toString());
        assertEquals(1, o2gSim.requests("GET", INSTANCE, 200));
    }

    @Test
    void aDroppedConnectionIsRepeatedAndTheWriteLands() {
        o2g.openSession();
        SIM.control().clearRequests();
        o2gSim.o2gFaults(Map.of("dropNext", 1));

        o2g.setAttributes(
                "1", names.objectName(), names.instanceId(), List.of(O2gAttribute.of(names.pbxId(), "OXE.7.1")));

        assertEquals(1, o2gSim.requests("PUT", INSTANCE, 0), "the dropped attempt");
        assertEquals(1, o2gSim.requests("PUT", INSTANCE, 204));
        assertEquals(
                "OXE.7.1",
                o2g.getInstance("1", names.objectName(), names.instanceId(), names.pbxId())
                        .value(names.pbxId())
                        .orElseThrow());
    }

    @Test
    void theSessionIsOpenedThroughFaults() {
        o2gSim.o2gFaults(Map.of("failNext", 2, "errorStatuses", List.of(502)));

        assertEquals(12, o2g.listNodes().size());

        assertEquals(2, o2gSim.requests("GET", DISCOVER, 502), "the first requests are the discovery's");
        assertEquals(1, o2gSim.requests("GET", DISCOVER, 200));
        assertEquals(1, o2gSim.requests("GET", AUTHENTICATE, 200));
        assertEquals(1, o2gSim.requests("POST", SESSIONS, 200));
        assertEquals(1, o2gSim.requests("GET", V1 + "/pbxs", 200));
    }

    @Test
    void clientErrorsAreFinal() {
        o2g.openSession();
        SIM.control().clearRequests();

        assertThrows(
                O2gInvalidRequestException.class,
                () -> o2g.setAttributes(
                        "1",
                        names.objectName(),
                        names.instanceId(),
                        List.of(O2gAttribute.of(names.agentEnable(), "Maybe"))));
        assertThrows(O2gNotFoundException.class, () -> o2g.getInstance("1", "No_Such_Object", "1"));

        assertEquals(1, o2gSim.requests("PUT", INSTANCE, 400));
        assertEquals(1, o2gSim.requests("GET", INSTANCE, 404));
        assertEquals(2, o2gSim.requests(), o2gSim.byRoute().toString());
    }

    @Test
    void retriesAreBounded() {
        o2g.openSession();
        SIM.control().clearRequests();
        o2gSim.o2gFaults(Map.of("errorRate", 1.0, "errorStatuses", List.of(503)));

        O2gUnavailableException e = assertThrows(
                O2gUnavailableException.class, () -> o2g.getInstance("1", names.objectName(), names.instanceId()));

        assertEquals(503, e.httpStatus());
        assertEquals(O2gSimulator.QUICK_RETRIES.maxRetries() + 1, o2gSim.requests("GET", INSTANCE, 503));
    }

    @Test
    void refusedCredentialsAreNotRepeated() {
        O2gClient wrong =
                O2gClient.create(O2gGateway.of(URI.create("https://" + HOST), USER, "not-it"), o2gSim.clientConfig());

        assertThrows(O2gAuthenticationException.class, wrong::listNodes);

        assertEquals(1, o2gSim.requests("GET", AUTHENTICATE, 401));
    }

    @Test
    void aFleetOfOneHostIsConfiguredUnderTenPercentFaultsWithoutAFailure() {
        o2gSim.o2gFaults(Map.of("errorRate", 0.1, "dropConnectionRate", 0.03));
        try (O2gPbxDriver driver = O2gPbxDriver.create(o2gSim.driverOptions(), PbxEndpointMetrics.none())) {
            for (int node = 1; node <= 12; node++) {
                PbxEndpointTarget target = O2gSimulator.target(HOST, String.valueOf(node), USER, PASSWORD);
                driver.observe(target);
                EndpointState state = driver.apply(
                        target,
                        new EndpointSettings(
                                "OXE.9." + node,
                                "code-" + node,
                                true,
                                EndpointSettings.Network.dns("10.0.0.53", null)));
                assertEquals("OXE.9." + node, state.equipmentId());
            }
        }

        long faults = o2gSim.byRoute().entrySet().stream()
                .filter(e -> e.getKey().endsWith(" 0") || e.getKey().matches(".* 5\\d\\d"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertTrue(faults > 0, "faults were injected: " + o2gSim.byRoute());
        SIM.control().clearFaults();
        try (O2gPbxDriver reader = O2gPbxDriver.create(o2gSim.driverOptions(), PbxEndpointMetrics.none())) {
            for (int node = 1; node <= 12; node++) {
                EndpointState held = reader.observe(O2gSimulator.target(HOST, String.valueOf(node), USER, PASSWORD));
                assertEquals("OXE.9." + node, held.equipmentId());
                assertTrue(held.agentEnabled());
                assertEquals("10.0.0.53", held.network().dnsPrimary());
            }
        }
    }
}
