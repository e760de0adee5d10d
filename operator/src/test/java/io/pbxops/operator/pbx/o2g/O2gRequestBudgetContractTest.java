package io.pbxops.operator.pbx.o2g;

import static io.pbxops.operator.pbx.o2g.O2gSimulator.AUTHENTICATE;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.DISCOVER;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.INSTANCE;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.MODEL;
import static io.pbxops.operator.pbx.o2g.O2gSimulator.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.support.MutableClock;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointException;
import io.pbxops.operator.pbx.PbxEndpointMetrics;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one activation of an OmniPCX costs in O2G requests, from the simulator's own counters: {@code observe} then
 * {@code apply}, as the reconciler calls them while the system is {@code created} and the agent is off, the PBX ID
 * wrong, the code to enter and the network different; or {@code apply} alone, without reading, right after the
 * system is declared.
 *
 * <p>The first node of an O2G pays for the O2G: its discovery, the login, the session and the model (4 requests).
 * Every activation then reads the Rainbow and network objects (2) and writes each (2); nothing is read again.
 */
class O2gRequestBudgetContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private static final String USER = "budget-admin";
    private static final String PASSWORD = "budget-o2g-Pa55";
    private static final EndpointSettings.Network DNS = EndpointSettings.Network.dns("10.0.0.53", null);
    private static final int FIRST_OF_A_HOST = 8;
    private static final int NEXT_ON_A_HOST = 4;

    private final O2gSimulator o2gSim = new O2gSimulator(SIM);

    @Test
    void theFirstNodeOfAHostPaysTheSessionAndTheModelTheNextOnesOnlyReadAndWrite() {
        o2gSim.addHost("o2g-one.example", USER, PASSWORD, 6);
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            for (int node = 1; node <= 6; node++) {
                SIM.control().clearRequests();

                activate(driver, target("o2g-one.example", node), node);

                Map<String, Long> first = Map.of(
                        "GET " + DISCOVER + " 200", 1L,
                        "GET " + AUTHENTICATE + " 200", 1L,
                        "POST " + SESSIONS + " 200", 1L,
                        "GET " + MODEL + " 200", 1L,
                        "GET " + INSTANCE + " 200", 2L,
                        "PUT " + INSTANCE + " 204", 2L);
                Map<String, Long> next = Map.of("GET " + INSTANCE + " 200", 2L, "PUT " + INSTANCE + " 204", 2L);
                assertEquals(node == 1 ? first : next, o2gSim.byRoute(), "activation of node " + node);
                assertTrue(o2gSim.requests() <= (node == 1 ? FIRST_OF_A_HOST : NEXT_ON_A_HOST));
            }
        }
    }

    @Test
    void severalHostsEachPayTheirOwnSessionOnce() {
        List<String> hosts = List.of("o2g-a.example", "o2g-b.example", "o2g-c.example");
        hosts.forEach(host -> o2gSim.addHost(host, USER, PASSWORD, 4));
        List<Long> perActivation = new ArrayList<>();
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            for (int node = 1; node <= 4; node++) {
                for (String host : hosts) {
                    SIM.control().clearRequests();
                    activate(driver, target(host, node), node);
                    perActivation.add(o2gSim.requests());
                }
            }
        }

        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(i < hosts.size() ? (long) FIRST_OF_A_HOST : NEXT_ON_A_HOST);
        }
        assertEquals(expected, perActivation);
    }

    @Test
    void aNodeWhoseNetworkIsRightIsWrittenOnce() {
        SIM.control()
                .addO2gHost(Map.of(
                        "host",
                        "o2g-dns.example",
                        "username",
                        USER,
                        "password",
                        PASSWORD,
                        "nodes",
                        List.of(
                                Map.of("nodeId", "1"),
                                Map.of("nodeId", "2", "dns", Map.of("primary", DNS.dnsPrimary())))));
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            activate(driver, target("o2g-dns.example", 1), 1);
            SIM.control().clearRequests();

            EndpointState state = activate(driver, target("o2g-dns.example", 2), 2);

            assertEquals(Map.of("GET " + INSTANCE + " 200", 2L, "PUT " + INSTANCE + " 204", 1L), o2gSim.byRoute());
            assertFalse(state.changes().stream().anyMatch(change -> change.contains("network")), state.toString());
        }
    }

    @Test
    void applyAnswersWithWhatItWroteAndObserveThenReadsTheSame() {
        o2gSim.addHost("o2g-own.example", USER, PASSWORD, 1);
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            PbxEndpointTarget target = target("o2g-own.example", 1);
            EndpointState before = driver.observe(target);
            assertEquals("Disabled", before.agentSays());

            EndpointState applied = driver.apply(target, settings(1));

            assertTrue(applied.agentEnabled());
            assertEquals("OXE.1.1", applied.equipmentId());
            assertEquals(O2gPbxDriver.RAINBOW_DOMAIN, applied.domain());
            assertEquals(DNS, applied.network());
            assertNull(applied.agentSays(), "the agent's status is not known again until it is read");
            assertEquals(
                    List.of(
                            "set the network prerequisites: " + DNS,
                            "enabled the Rainbow agent",
                            "entered the PBX ID",
                            "entered the activation code"),
                    applied.changes());

            EndpointState read = driver.observe(target);
            assertEquals(applied.agentEnabled(), read.agentEnabled());
            assertEquals(applied.equipmentId(), read.equipmentId());
            assertEquals(applied.domain(), read.domain());
            assertEquals(applied.network(), read.network());
            assertNotNull(read.agentSays(), "observe reads the status");
            assertNotEquals(before.agentSays(), read.agentSays(), "the agent is on now");
        }
    }

    @Test
    void thePbxOfASystemJustDeclaredIsConfiguredWholeInTwoWritesWithoutAnyRead() {
        SIM.control()
                .addO2gHost(Map.of(
                        "host",
                        "o2g-whole.example",
                        "username",
                        USER,
                        "password",
                        PASSWORD,
                        "nodes",
                        List.of(
                                Map.of("nodeId", "1"),
                                Map.of("nodeId", "2", "proxy", Map.of("host", "proxy.old.example", "port", 3128)))));
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            activate(driver, target("o2g-whole.example", 1), 1);
            SIM.control().clearRequests();
            PbxEndpointTarget target = target("o2g-whole.example", 2);

            EndpointState applied = driver.apply(target, unread(2));

            assertEquals(Map.of("PUT " + INSTANCE + " 204", 2L), o2gSim.byRoute(), "the network, then Rainbow");
            assertEquals(DNS, applied.network());
            assertNull(applied.agentSays(), "nothing read: the agent's status is not known");
            EndpointState read = driver.observe(target);
            assertTrue(read.agentEnabled());
            assertEquals("OXE.1.2", read.equipmentId());
            assertEquals(O2gPbxDriver.RAINBOW_DOMAIN, read.domain());
            assertEquals(DNS, read.network(), "the old proxy emptied: the DNS servers alone");
        }
    }

    @Test
    void anApplyLongAfterTheObserveReadsAgain() {
        o2gSim.addHost("o2g-slow.example", USER, PASSWORD, 1);
        MutableClock clock = MutableClock.startingNow();
        O2gDriverOptions options = o2gSim.driverOptions()
                .withClient(o2gSim.clientConfig().withClock(clock))
                .withReadReuse(Duration.ofSeconds(10));
        try (O2gPbxDriver driver = driver(options)) {
            PbxEndpointTarget target = target("o2g-slow.example", 1);
            driver.observe(target);
            SIM.control().clearRequests();
            clock.advance(Duration.ofSeconds(11));

            driver.apply(target, settings(1));

            assertEquals(2, o2gSim.requests("GET", INSTANCE, 200), "read again");
            assertEquals(2, o2gSim.requests("PUT", INSTANCE, 204));
        }
    }

    @Test
    void aFailedWriteForgetsTheRead() {
        o2gSim.addHost("o2g-fail.example", USER, PASSWORD, 1);
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            PbxEndpointTarget target = target("o2g-fail.example", 1);
            driver.observe(target);
            SIM.control().clearRequests();
            EndpointSettings tooLong = new EndpointSettings("X".repeat(300), "code", true, DNS);

            assertThrows(PbxEndpointException.Rejected.class, () -> driver.apply(target, tooLong));
            driver.apply(target, settings(1));

            assertEquals(2, o2gSim.requests("GET", INSTANCE, 200), "the second apply read the node again");
            assertEquals(1, o2gSim.requests("PUT", INSTANCE, 400));
        }
    }

    @Test
    void parallelFirstCallsShareOneSessionAndOneModelRead() throws Exception {
        o2gSim.addHost("o2g-busy.example", USER, PASSWORD, 8);
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<EndpointState>> observed = new ArrayList<>();
                for (int node = 1; node <= 8; node++) {
                    PbxEndpointTarget target = target("o2g-busy.example", node);
                    observed.add(threads.submit(() -> driver.observe(target)));
                }
                for (Future<EndpointState> state : observed) {
                    assertFalse(state.get().agentEnabled());
                }
            } finally {
                threads.shutdown();
            }
        }

        assertEquals(1, o2gSim.requests("GET", DISCOVER));
        assertEquals(1, o2gSim.requests("GET", AUTHENTICATE));
        assertEquals(1, o2gSim.requests("POST", SESSIONS));
        assertEquals(1, o2gSim.requests("GET", MODEL));
        assertEquals(16, o2gSim.requests("GET", INSTANCE, 200));
    }

    @Test
    void newCredentialsForANodeOpenANewSessionAndCloseTheOldOne() {
        o2gSim.addHost("o2g-rotate.example", USER, PASSWORD, 2);
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            driver.observe(target("o2g-rotate.example", 1));
            o2gSim.addHost("o2g-rotate.example", USER, "rotated-o2g-Pa55", 2);
            SIM.control().clearRequests();

            driver.observe(O2gSimulator.target("o2g-rotate.example", "1", USER, "rotated-o2g-Pa55"));

            assertEquals(1, o2gSim.requests("DELETE", SESSIONS), "the old client closed its session");
            assertEquals(1, o2gSim.requests("GET", AUTHENTICATE, 200));
            assertEquals(0, o2gSim.requests("GET", MODEL), "same O2G, same release: the model is known");
        }
    }

    @Test
    void anUnknownNodeIsNotFoundAfterItsOwnModelIsAskedFor() {
        o2gSim.addHost("o2g-nine.example", USER, PASSWORD, 1);
        try (O2gPbxDriver driver = driver(o2gSim.driverOptions())) {
            driver.observe(target("o2g-nine.example", 1));
            SIM.control().clearRequests();

            assertThrows(PbxEndpointException.NotFound.class, () -> driver.observe(target("o2g-nine.example", 9)));

            assertEquals(1, o2gSim.requests("GET", INSTANCE, 404));
            assertEquals(1, o2gSim.requests("GET", MODEL, 404), "its own model, in case it runs another release");
        }
    }

    private static O2gPbxDriver driver(O2gDriverOptions options) {
        return O2gPbxDriver.create(options, PbxEndpointMetrics.none());
    }

    private static PbxEndpointTarget target(String host, int node) {
        return O2gSimulator.target(host, String.valueOf(node), USER, PASSWORD);
    }

    private static EndpointSettings settings(int node) {
        return new EndpointSettings("OXE.1." + node, "code-" + node, true, DNS);
    }

    private static EndpointSettings unread(int node) {
        return new EndpointSettings("OXE.1." + node, "code-" + node, true, DNS, true);
    }

    /** One reconcile of a Pbx whose system the PBX has not connected to: the PBX read, then everything entered. */
    private static EndpointState activate(O2gPbxDriver driver, PbxEndpointTarget target, int node) {
        EndpointState held = driver.observe(target);
        assertFalse(held.agentEnabled(), "the agent is off: the reconciler applies");
        return driver.apply(target, settings(node));
    }
}
