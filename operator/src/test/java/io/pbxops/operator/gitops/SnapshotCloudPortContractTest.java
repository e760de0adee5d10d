package io.pbxops.operator.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.RainbowCloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.operator.testing.NoWrites;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The snapshot answers every lookup the reconcilers make exactly as the live cloud does (by ID, by exact name in a
 * company, a site or among the shared systems, by equipment ID, a gateway by name on its system), and refuses writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotCloudPortContractTest {

    private Simulator simulator;
    private RainbowClient client;
    private CloudPort live;
    private SnapshotCloudPort snapshot;

    /** One fleet for every case: the cases only read it (writes through the snapshot are refused). */
    @BeforeAll
    void fleet() throws Exception {
        simulator = Simulator.start(
                SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(17L));
        client = CloudAccount.client(simulator);
        new SimulatedFleet(client).create(new SimulatedFleet.Sizes(6, 3));
        live = new RainbowCloudPort(client, 7); // a small page size: several pages per list
        snapshot = new SnapshotCloudPort(CloudSnapshot.read(live, FleetProgress.NONE));
    }

    @AfterAll
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void everyLookupFindsTheSameObject() {
        assertEquals(7, snapshot.snapshot().companies().size(), "six customers and the reseller");
        for (CloudCompany company : snapshot.snapshot().companies()) {
            same(port -> port.companies().observe(null, company.name()), CloudCompany::id);
            same(port -> port.companies().observe(company.id(), null), CloudCompany::id);
        }
        for (CloudSite site : snapshot.snapshot().sites()) {
            same(port -> port.sites().observe(null, site.companyId(), site.name()), CloudSite::id);
            assertEquals(live.sites().linkedSystems(site.id()), snapshot.sites().linkedSystems(site.id()));
        }
        for (CloudSystem system : snapshot.snapshot().systems()) {
            same(port -> port.systems().observe(system.id(), null, null, null), CloudSystem::id);
            same(port -> port.systems().observe(null, system.pbxId(), null, null), CloudSystem::id);
            String site = system.siteId() == null || system.siteId().isEmpty()
                    ? null
                    : system.siteId().get(0);
            same(port -> port.systems().observe(null, null, system.name(), site), CloudSystem::id);
            same(port -> port.systems().observe(null, null, system.name(), null), CloudSystem::id);
            for (CloudMediaPillar gateway : snapshot.snapshot().gatewaysOf(system.id())) {
                same(port -> port.gateways().observe(null, system.id(), gateway.name()), CloudMediaPillar::id);
                same(port -> port.gateways().observe(gateway.id(), null, null), CloudMediaPillar::id);
            }
        }
        same(port -> port.companies().observe(null, "Company 001"), CloudCompany::id);
    }

    @Test
    void writesAreRefused() {
        String id = snapshot.snapshot().systems().get(0).id();
        NoWrites noWrites = NoWrites.from(simulator, Duration.ZERO);
        assertThrows(
                UnsupportedOperationException.class, () -> snapshot.systems().reset(id));
        assertThrows(
                UnsupportedOperationException.class, () -> snapshot.systems().delete(id));
        assertThrows(
                UnsupportedOperationException.class, () -> snapshot.companies().delete(id));
        noWrites.assertNone("writes through the snapshot");
    }

    private <T> void same(Function<CloudPort, Optional<T>> lookup, Function<T, String> id) {
        assertEquals(lookup.apply(live).map(id), lookup.apply(snapshot).map(id));
    }
}
