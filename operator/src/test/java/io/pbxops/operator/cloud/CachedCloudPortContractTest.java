package io.pbxops.operator.cloud;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.PbxOpsExtension;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.cloud.support.SimControl;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cloud cache against the simulator over loopback HTTP, counted by the simulator's own request counters. */
class CachedCloudPortContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(
            SimulatorConfig.defaults().withAutoFleet(true).withActivationDelay(Duration.ofMillis(100)));

    private static final String SYSTEM_READ = SimControl.ADMIN + "/systems/{systemId}";
    /** Several pages per list. */
    private static final int PAGE = 5;

    private static final String FLEET_ID = "ALE12-1234.5678.99";
    private static final String SYSTEMS_LIST = SimControl.ADMIN + "/systems";

    private RainbowClient client;
    private CachedCloudPort cache;

    @BeforeEach
    void connect() {
        client = RainbowClient.create(
                SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.of(SIM.credentials()));
        cache = new CachedCloudPort(new RainbowCloudPort(client, PAGE), PAGE);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void afterOnePassOfListsLookupsByIdAndByNameCostNoRequest() {
        List<CloudCompany> companies = IntStream.range(0, 12)
                .mapToObj(i -> client.companies().create(CompanySettings.named("Company " + i)))
                .toList();
        companies.forEach(c -> client.sites().create(SiteSettings.active("HQ", c.id())));
        cache.fill();
        SIM.control().clearRequests();

        for (CloudCompany company : companies) {
            assertTrue(cache.companies().observe(company.id(), null).isPresent());
            assertEquals(
                    company.id(),
                    cache.companies()
                            .observe(null, company.name())
                            .orElseThrow()
                            .id());
            assertTrue(cache.sites().observe(null, company.id(), "HQ").isPresent());
        }

        assertEquals(0, SIM.control().allRequests(), "36 lookups answered by the cache");
    }

    @Test
    void aWriteIsSeenFromItsAnswerWithoutAnotherRead() {
        cache.fill();
        SIM.control().clearRequests();

        CloudCompany created = cache.companies().create(CompanySettings.named("Globex GmbH"));
        CloudSite site = cache.sites().create(SiteSettings.active("HQ", created.id()));

        assertEquals(
                created.id(),
                cache.companies().observe(null, "Globex GmbH").orElseThrow().id());
        assertEquals(
                site.id(),
                cache.sites().observe(null, created.id(), "HQ").orElseThrow().id());
        assertEquals(2, SIM.control().allRequests(), "the two creates only");
    }

    @Test
    void anIdTheCacheDoesNotHoldIsReadOnceBeforeItIsCalledMissing() {
        cache.fill();
        CloudCompany outOfBand = client.companies().create(CompanySettings.named("Made elsewhere"));
        SIM.control().clearRequests();

        assertTrue(cache.companies().observe(outOfBand.id(), null).isPresent(), "found by one read");
        assertTrue(cache.companies().observe(outOfBand.id(), null).isPresent(), "then held");

        assertEquals(1, SIM.control().allRequests());
    }

    @Test
    void aListPassDropsWhatTheCloudNoLongerHolds() {
        cache.fill();
        CloudCompany created = cache.companies().create(CompanySettings.named("Short-lived"));
        client.companies().deleteIfExists(created.id());

        cache.companies().listAll().count();

        assertFalse(cache.companies().observe(null, "Short-lived").isPresent());
        assertFalse(cache.companies().observe(created.id(), null).isPresent());
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByItsNaturalKeyNotMadeAgain() {
        cache.fill();
        CloudCompany company = cache.companies().create(CompanySettings.named("Acme"));
        CloudSite branch = cache.sites().create(SiteSettings.active("Branch", company.id()));
        SIM.control().faults(Map.of("dropAfterWriteRate", 1.0));
        assertThrows(RuntimeException.class, () -> cache.sites().create(SiteSettings.active("HQ", company.id())));
        assertThrows(
                RuntimeException.class,
                () -> cache.systems()
                        .create(NewSystem.onSite(
                                        branch.id(), SystemSettings.of("branch-oxo", SystemSettings.TYPE_OXO, "FRA"))
                                .withPbxId(FLEET_ID)
                                .withActivationCode(FLEET_ID)));
        SIM.control().clearFaults();

        assertTrue(cache.sites().observe(null, company.id(), "HQ").isPresent(), "the site the lost answer made");
        assertTrue(cache.systems().observe(null, FLEET_ID, null, null).isPresent(), "the system, by equipment ID");
        assertTrue(
                cache.systems().observe(null, null, "branch-oxo", branch.id()).isPresent(), "and by name in its site");
        assertEquals(2, client.sites().listAllByCompany(company.id()).count(), "HQ once, beside Branch");
    }

    @Test
    void anUpdateWhoseAnswerWasLostIsReadAgain() {
        cache.fill();
        CloudCompany company = cache.companies().create(CompanySettings.named("Acme"));
        SIM.control().faults(Map.of("errorAfterWriteRate", 1.0, "errorStatuses", List.of(503)));
        assertThrows(
                RuntimeException.class, () -> cache.companies().update(company.id(), CompanySettings.named("Acme SA")));
        SIM.control().clearFaults();

        assertEquals(
                "Acme SA",
                cache.companies().observe(company.id(), null).orElseThrow().name(),
                "the cloud's value, not the cache's");
    }

    @Test
    void aSiteDeletionGuardAsksTheCloudNotTheCache() {
        cache.fill();
        CloudCompany company = cache.companies().create(CompanySettings.named("Acme"));
        CloudSite site = cache.sites().create(SiteSettings.active("HQ", company.id()));
        client.systems().create(NewSystem.onSite(site.id(), SystemSettings.of("linked-elsewhere", "oxo", "FRA")));

        assertEquals(1, cache.sites().linkedSystems(site.id()), "a PBX linked out of band stops the deletion");
    }

    @Test
    void connectingSystemsAreFollowedThroughTwoListsAndAtMostOneRequestEachOnceActivated() {
        CloudSite site = siteOfANewCompany();
        // Fewer than a page: each list is one call.
        List<CloudSystem> created = fleetSystems(site, PAGE - 1);
        SIM.control().clearRequests();

        int passes = followUntilActivated(created);

        long lists = SIM.control().requests("GET", SYSTEMS_LIST);
        long reads = SIM.control().requests("GET", SYSTEM_READ);
        assertTrue(lists >= 2L * passes, "the created and activating lists, each pass");
        assertTrue(
                reads + (lists - 2L * passes) <= created.size(),
                "then at most one request per activated system: " + counts());
        assertEquals(lists + reads, SIM.control().allRequests(), "nothing else: " + counts());
        created.forEach(system -> assertEquals(
                CloudSystem.STATUS_ACTIVATED,
                cache.systems()
                        .observe(system.id(), null, null, null)
                        .orElseThrow()
                        .status()));

        SIM.control().clearRequests();
        assertEquals(List.of(), cache.refreshPending());
        assertEquals(0, SIM.control().allRequests(), "nothing pending, nothing asked");
    }

    @Test
    void systemsActivatedTogetherAreListedNotReadOneByOne() {
        CloudSite site = siteOfANewCompany();
        List<CloudSystem> created = fleetSystems(site, 3 * PAGE);
        SIM.control().clearRequests();

        followUntilActivated(created);

        assertTrue(
                SIM.control().requests("GET", SYSTEM_READ) < created.size(), "fewer reads than systems: " + counts());
    }

    @Test
    void anUpgradeIsFollowedThroughTheGatewayListNotOneReadPerGateway() {
        CloudSite site = siteOfANewCompany();
        List<CloudMediaPillar> upgrading = IntStream.range(0, PAGE + 1)
                .mapToObj(i -> {
                    CloudSystem system = cache.systems()
                            .create(NewSystem.onSite(
                                    site.id(),
                                    SystemSettings.of("oxe-" + i, SystemSettings.TYPE_OXE, "FRA")
                                            .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise")
                                                    .withWebRtc(new PbxOpsExtension.WebRtc(true, true)))));
                    CloudMediaPillar gateway = cache.gateways()
                            .create(new NewMediaPillar(
                                    system.id(),
                                    CloudExtensions.MP_TYPE_EXTERNAL,
                                    MediaPillarSettings.none().withAddress("10.0.0." + (i + 1), 30)));
                    return cache.gateways()
                            .update(gateway.id(), MediaPillarSettings.none().withSoftwareVersion("latest"));
                })
                .toList();
        Set<String> ids = upgrading.stream().map(CloudMediaPillar::id).collect(Collectors.toSet());
        assertEquals(ids, pendingAmong(ids), "an upgrade under way is pending");
        SIM.control().clearRequests();

        Set<String> ended = new HashSet<>();
        int[] passes = {0};
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    passes[0]++;
                    cache.refreshUpgrading().forEach(gateway -> ended.add(gateway.id()));
                    return ended.size() == upgrading.size();
                });

        assertEquals(
                SIM.control().allRequests(),
                SIM.control().requests("GET", SimControl.ADMIN + "/x-pbxops/mediapillars"),
                "the gateway list only: " + counts());
        assertTrue(SIM.control().allRequests() <= 2L * passes[0], "two pages a pass: " + counts());
        assertEquals(Set.of(), pendingAmong(ids), "every upgrade seen ending");
        upgrading.forEach(gateway -> assertEquals(
                "online",
                cache.gateways().observe(gateway.id(), null, null).orElseThrow().state()));
        SIM.control().clearRequests();
        assertEquals(List.of(), cache.refreshUpgrading());
        assertEquals(0, SIM.control().allRequests(), "nothing upgrading, nothing asked");
    }

    private Set<String> pendingAmong(Set<String> ids) {
        Set<String> pending = new HashSet<>(cache.pendingIds());
        pending.retainAll(ids);
        return pending;
    }

    private CloudSite siteOfANewCompany() {
        cache.fill();
        CloudCompany company = cache.companies().create(CompanySettings.named("Acme"));
        return cache.sites().create(SiteSettings.active("HQ", company.id()));
    }

    private List<CloudSystem> fleetSystems(CloudSite site, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    String fleetId = "ALE12-1234.5678.%02d".formatted(i);
                    return cache.systems()
                            .create(NewSystem.onSite(
                                            site.id(), SystemSettings.of("oxo-" + i, SystemSettings.TYPE_OXO, "FRA"))
                                    .withPbxId(fleetId)
                                    .withActivationCode(fleetId));
                })
                .toList();
    }

    /** Passes of the activation watch until every system was answered as activated; answers how many. */
    private int followUntilActivated(List<CloudSystem> systems) {
        Set<String> activated = new HashSet<>();
        int[] passes = {0};
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    passes[0]++;
                    cache.refreshPending().stream()
                            .filter(system -> CloudSystem.STATUS_ACTIVATED.equals(system.status()))
                            .forEach(system -> activated.add(system.id()));
                    return activated.size() == systems.size();
                });
        return passes[0];
    }

    private static JsonNode counts() {
        return SIM.control().requestCounts();
    }
}
