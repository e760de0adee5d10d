package io.pbxops.operator.pbx.o2g;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.support.MutableClock;
import io.pbxops.operator.cloud.support.SimControl;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.operator.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The O2G client against the simulator's O2G over loopback HTTP, reached through the routing hook: the endpoint
 * says {@code https://o2g.acme.example}, the request goes to the simulator with that name in X-Forwarded-Host.
 */
class O2gClientContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    static final String HOST = "o2g.acme.example";
    static final String USER = "acme-admin";
    static final String PASSWORD = "acme-o2g-Pa55";
    private static final String REST = "/api/rest";
    private static final String V1 = REST + "/1.0";
    private static final String INSTANCE = V1 + "/pbxs/{nodeId}/instances/{objectName}/{objectId}";

    private final O2gRainbowNames names = O2gRainbowNames.defaults();
    private SimControl control;
    private O2gClient o2g;

    @BeforeEach
    void setUp() {
        control = SIM.control();
        control.addO2gHost(Map.of(
                "host",
                HOST,
                "username",
                USER,
                "password",
                PASSWORD,
                "nodes",
                List.of(
                        Map.of("nodeId", "1", "fqdn", "oxe1.acme.example"),
                        Map.of("nodeId", "2", "fqdn", "oxe2.acme.example", "connected", false))));
        control.clearRequests();
        o2g = client(O2gGateway.of(URI.create("https://" + HOST), USER, PASSWORD), O2gClientConfig.defaults());
    }

    @AfterEach
    void tearDown() {
        o2g.close();
    }

    private static O2gClient client(O2gGateway gateway, O2gClientConfig config) {
        return O2gClient.create(gateway, config.withRouting(EndpointRouting.forwardingTo(SIM.o2gUrl())));
    }

    @Test
    void discoverAndOpenASession() {
        O2gDiscovery discovery = o2g.discover();
        O2gSessionInfo session = o2g.openSession();

        assertEquals("1.0", discovery.currentVersion().orElseThrow().id());
        assertEquals("O2G Solution", discovery.serverInfo().productName());
        assertTrue(session.admin());
        assertEquals(1800, session.timeToLive());
        assertEquals("/pbxs", session.service("pbxmanagement").orElseThrow().relativeUrl());
        assertEquals(1, control.requests("GET", REST + "/authenticate", 200));
        assertEquals(1, control.requests("POST", V1 + "/sessions", 200));

        o2g.keepAlive();
        assertEquals(1, control.requests("POST", V1 + "/sessions/keepalive", 204));
    }

    @Test
    void nodesModelsAndInstances() {
        assertEquals(List.of("1", "2"), o2g.listNodes());

        O2gModel node = o2g.getModel("1");
        assertTrue(node.findObject(names.objectName()::equals).isPresent());
        O2gModel rainbow = o2g.getModel("1", names.objectName());
        assertEquals(
                List.of("Yes", "No"),
                rainbow.attribute(names.agentEnable()).orElseThrow().allowedValues());

        assertTrue(o2g.getRootInstance("1").objectNames().contains(names.objectName()));
        assertEquals(List.of(names.instanceId()), o2g.listInstanceIds("1", names.objectName(), null));

        O2gInstance some =
                o2g.getInstance("1", names.objectName(), names.instanceId(), names.domain(), names.connectionStatus());
        assertEquals(2, some.attributes().size());
        assertEquals("openrainbow.com", some.value(names.domain()).orElseThrow());
        assertNotNull(some.value(names.connectionStatus()).orElseThrow());
    }

    @Test
    void setAttributesWithStringArraysAndReadThemBack() {
        o2g.setAttributes(
                "1",
                names.networkObjectName(),
                names.networkInstanceId(),
                List.of(O2gAttribute.of(names.dnsPrimary(), "10.0.0.53")));
        o2g.setAttributes(
                "1",
                names.objectName(),
                names.instanceId(),
                List.of(
                        O2gAttribute.of(names.pbxId(), "OXE.000.111"),
                        O2gAttribute.of(names.activationCode(), "8812"),
                        O2gAttribute.of(names.agentEnable(), O2gRainbowNames.YES)));

        O2gInstance rainbow = o2g.getInstance("1", names.objectName(), names.instanceId());
        assertEquals("OXE.000.111", rainbow.value(names.pbxId()).orElseThrow());
        assertEquals("********", rainbow.value(names.activationCode()).orElseThrow(), "the code is write-only");
        assertEquals("Yes", rainbow.value(names.agentEnable()).orElseThrow());
        assertEquals(
                "10.0.0.53",
                o2g.getInstance("1", names.networkObjectName(), names.networkInstanceId(), names.dnsPrimary())
                        .value(names.dnsPrimary())
                        .orElseThrow());
        assertEquals(2, control.requests("PUT", INSTANCE, 204));
    }

    @Test
    void errorsArriveTyped() {
        O2gInvalidRequestException unknownAttribute = assertThrows(
                O2gInvalidRequestException.class,
                () -> o2g.setAttributes(
                        "1",
                        names.objectName(),
                        names.instanceId(),
                        List.of(O2gAttribute.of("No_Such_Attribute", "x"))));
        assertEquals(400, unknownAttribute.httpStatus());
        assertNotNull(unknownAttribute.error());
        assertTrue(unknownAttribute.getMessage().contains("No_Such_Attribute"), unknownAttribute.getMessage());

        O2gInvalidRequestException badValue = assertThrows(
                O2gInvalidRequestException.class,
                () -> o2g.setAttributes(
                        "1",
                        names.objectName(),
                        names.instanceId(),
                        List.of(O2gAttribute.of(names.agentEnable(), "Maybe"))));
        assertFalse(badValue.canRetry());

        assertThrows(O2gNotFoundException.class, () -> o2g.getInstance("1", "No_Such_Object", "1"));
        assertThrows(O2gNotFoundException.class, () -> o2g.getInstance("9", names.objectName(), "1"));

        O2gUnavailableException down = assertThrows(
                O2gUnavailableException.class, () -> o2g.getInstance("2", names.objectName(), names.instanceId()));
        assertEquals(503, down.httpStatus());
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() {
        O2gClient wrong =
                client(O2gGateway.of(URI.create("https://" + HOST), USER, "wrong-o2g-pw"), O2gClientConfig.defaults());

        O2gAuthenticationException e = assertThrows(O2gAuthenticationException.class, wrong::listNodes);

        assertEquals(401, e.httpStatus());
        assertFalse(e.getMessage().contains("wrong-o2g-pw"));
        assertEquals(1, control.requests("GET", REST + "/authenticate", 401), "no retry of a refused login");
    }

    @Test
    void anUnknownVirtualHostIsNotFound() {
        O2gClient stranger = client(
                O2gGateway.of(URI.create("https://o2g.unknown.example"), USER, PASSWORD), O2gClientConfig.defaults());

        assertThrows(O2gNotFoundException.class, stranger::listNodes);
    }

    @Test
    void withoutRoutingTheDefaultHostAnswers() {
        O2gClient direct = O2gClient.create(
                O2gGateway.of(
                        SIM.o2gUrl(), SIM.config().o2gLogin(), SIM.config().o2gPassword()),
                O2gClientConfig.defaults());

        assertEquals(List.of("1"), direct.listNodes());
        direct.close();
        assertEquals(1, control.requests("DELETE", V1 + "/sessions", 204));
    }

    @Test
    void anExpiredSessionMeansOneNewLoginAndTheCallSucceeds() {
        o2g.listNodes();
        control.expireO2gSessions(HOST);

        assertEquals(List.of("1", "2"), o2g.listNodes());

        assertEquals(2, control.requests("GET", REST + "/authenticate", 200));
        assertEquals(1, control.requests("GET", V1 + "/pbxs", 401));
        assertEquals(2, control.requests("GET", V1 + "/pbxs", 200));
    }

    @Test
    void keepaliveAtHalfTheTtlAndANewSessionAfterIt() {
        MutableClock clock = MutableClock.startingNow();
        O2gClient timed = client(
                O2gGateway.of(URI.create("https://" + HOST), USER, PASSWORD),
                O2gClientConfig.defaults().withClock(clock));
        timed.listNodes();

        clock.advance(Duration.ofSeconds(901));
        timed.listNodes();
        assertEquals(1, control.requests("POST", V1 + "/sessions/keepalive", 204));
        assertEquals(1, control.requests("GET", REST + "/authenticate", 200));

        clock.advance(Duration.ofSeconds(1801));
        timed.listNodes();
        assertEquals(2, control.requests("GET", REST + "/authenticate", 200), "idle past the TTL: a new session");
        assertEquals(0, control.requests("GET", V1 + "/pbxs", 401), "never sent a dead session");
        timed.close();
    }

    @Test
    void failsOverToTheStandbyWhenThePrimaryIsUnreachable() throws IOException {
        URI dead = Ports.closed();
        URI primary = URI.create("https://o2g-a.acme.example");
        URI standby = URI.create("https://" + HOST);
        EndpointRouting routing = url -> url.equals(primary)
                ? new EndpointRouting.Route(dead, null)
                : new EndpointRouting.Route(SIM.o2gUrl(), url.getHost());
        O2gClient ha = O2gClient.create(
                new O2gGateway(primary, standby, USER, PASSWORD),
                O2gClientConfig.defaults().withRouting(routing));

        assertEquals(List.of("1", "2"), ha.listNodes());
        assertEquals(standby, ha.activeUrl());

        O2gClient single = O2gClient.create(
                O2gGateway.of(primary, USER, PASSWORD),
                O2gClientConfig.defaults().withRouting(routing));
        O2gUnavailableException e = assertThrows(O2gUnavailableException.class, single::listNodes);
        assertTrue(e.getMessage().contains(primary.toString()), e.getMessage());
    }

    @Test
    void findsTheRainbowObjectWhenTheConfiguredNameIsWrong() {
        O2gRainbowNames found = O2gRainbowDiscovery.discover(
                o2g,
                "1",
                O2gRainbowNames.defaults().withObjectName("Cloud_Connect").withNetworkObjectName("Net_Params"));

        assertEquals(names.objectName(), found.objectName());
        assertEquals(names.networkObjectName(), found.networkObjectName());
        assertEquals(names.activationCode(), found.activationCode());
    }
}
