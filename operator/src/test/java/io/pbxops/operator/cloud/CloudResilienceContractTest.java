package io.pbxops.operator.cloud;

import static io.pbxops.operator.cloud.support.SimControl.ADMIN;
import static io.pbxops.operator.cloud.support.SimControl.AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.cloud.support.MutableClock;
import io.pbxops.operator.cloud.support.SimControl;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import io.pbxops.operator.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries, Retry-After, dropped connections and token expiry against the simulator's faults. */
class CloudResilienceContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private static final String COMPANIES = ADMIN + "/companies";
    private static final String SYSTEMS = ADMIN + "/systems";
    private static final String LOGIN = AUTH + "/login";

    private SimControl control;
    private InMemoryCloudMetrics metrics;
    private RainbowClient cloud;

    @BeforeEach
    void connect() {
        control = SIM.control();
        metrics = new InMemoryCloudMetrics();
        cloud = client(SIM.clientConfig(metrics));
        cloud.login();
    }

    @AfterEach
    void disconnect() {
        cloud.close();
    }

    private RainbowClient client(RainbowClientConfig config) {
        return RainbowClient.create(config, CloudCredentialsSource.of(SIM.credentials()));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterAndThenSucceeds() {
        control.faults(Map.of("tooManyRequestsNext", 2, "retryAfterSeconds", 1));
        long started = System.nanoTime();

        cloud.companies().list(CompanyFilter.all(), PageRequest.first());

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        // the client's own backoff is 20..200 ms: only Retry-After explains two waits of at least a second
        assertTrue(elapsed.compareTo(Duration.ofSeconds(2)) >= 0, "waited only " + elapsed);
        assertEquals(2, control.requests("GET", COMPANIES, 429));
        assertEquals(1, control.requests("GET", COMPANIES, 200));
        assertEquals(2, metrics.count("GET /companies", CloudOutcome.RETRIED));
        assertEquals(2, metrics.count("GET /companies", CloudOutcome.statusClass(429)));
    }

    @Test
    void aStormOfTooManyRequestsConverges() throws Exception {
        control.faults(Map.of("rateLimitPerSecond", 5, "retryAfterSeconds", 1));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(pool.submit(() -> cloud.companies().list(CompanyFilter.all(), PageRequest.first())));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(24, control.requests("GET", COMPANIES, 200), "every call succeeded in the end");
        long refused = control.requests("GET", COMPANIES, 429);
        assertTrue(refused > 0, "the storm happened");
        assertEquals(refused, metrics.count("GET /companies", CloudOutcome.RETRIED));
    }

    @Test
    void aBurstOfServerErrorsIsRetried() {
        control.faults(Map.of("failNext", 3, "errorStatuses", List.of(500, 502, 503)));

        cloud.companies().list(CompanyFilter.all(), PageRequest.first());

        assertEquals(1, control.requests("GET", COMPANIES, 200));
        assertEquals(4, control.requests("GET", COMPANIES));
        assertEquals(3, metrics.count("GET /companies", CloudOutcome.RETRIED));
        assertEquals(3, metrics.count("GET /companies", CloudOutcome.statusClass(500)));
    }

    @Test
    void retriesStopAfterTheirLimitWithUnavailable() {
        RainbowClient impatient = client(SIM.clientConfig(metrics)
                .withRetry(new CloudRetrySettings(
                        Duration.ofMillis(10), Duration.ofMillis(20), 0, 2, Duration.ofSeconds(10))));
        impatient.login();
        control.faults(Map.of("failNext", 50, "errorStatuses", List.of(503)));

        CloudUnavailableException e = assertThrows(
                CloudUnavailableException.class, () -> impatient.companies().get("0123456789abcdef01234567"));

        assertEquals(503, e.httpStatus());
        assertFalse(e.outcomeUnknown(), "a GET can be repeated safely");
        assertEquals(3, control.requests("GET", ADMIN + "/companies/{companyId}", 503), "one try and two retries");
    }

    @Test
    void aServerErrorOnACreateIsNotRepeated() {
        CloudSite site = site();
        control.faults(Map.of("failNext", 1, "errorStatuses", List.of(500)));

        CloudUnavailableException e = assertThrows(
                CloudUnavailableException.class,
                () -> cloud.systems().create(NewSystem.onSite(site.id(), SystemSettings.of("once", "oxe", "FRA"))));

        assertTrue(e.outcomeUnknown(), "after a 5xx the create may have happened");
        assertEquals(1, control.requests("POST", SYSTEMS));
        assertEquals(0, metrics.count("POST /systems", CloudOutcome.RETRIED));
    }

    @Test
    void tooManyRequestsOnACreateIsRepeatedBecauseNothingWasDone() {
        CloudSite site = site();
        control.faults(Map.of("tooManyRequestsNext", 1, "retryAfterSeconds", 0));

        cloud.systems().create(NewSystem.onSite(site.id(), SystemSettings.of("after-429", "oxe", "FRA")));

        assertEquals(1, control.requests("POST", SYSTEMS, 429));
        assertEquals(1, control.requests("POST", SYSTEMS, 200));
        assertEquals(
                1,
                cloud.systems()
                        .listAll(SystemFilter.all().withName("after-429"))
                        .count());
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        control.faults(Map.of("dropNext", 1));

        cloud.companies().list(CompanyFilter.all(), PageRequest.first());

        assertEquals(1, control.requests("GET", COMPANIES, 0), "the simulator dropped one connection");
        assertEquals(1, control.requests("GET", COMPANIES, 200));
    }

    @Test
    void aDroppedConnectionOnACreateIsReportedAsUnknownOutcome() {
        CloudSite site = site();
        control.faults(Map.of("dropNext", 1));

        CloudUnavailableException e = assertThrows(
                CloudUnavailableException.class,
                () -> cloud.systems().create(NewSystem.onSite(site.id(), SystemSettings.of("dropped", "oxe", "FRA"))));

        assertTrue(e.outcomeUnknown());
        assertEquals(1, control.requests("POST", SYSTEMS), "not repeated");
        assertEquals(1, metrics.count("POST /systems", CloudOutcome.IO_ERROR));
    }

    @Test
    void anUnreachableCloudIsUnavailableAfterRetries() throws IOException {
        URI closedPort = Ports.closed();
        InMemoryCloudMetrics local = new InMemoryCloudMetrics();
        RainbowClient nowhere = RainbowClient.create(
                RainbowClientConfig.defaults(closedPort)
                        .withMetrics(local)
                        .withRetry(new CloudRetrySettings(
                                Duration.ofMillis(5), Duration.ofMillis(10), 0, 2, Duration.ofSeconds(5))),
                CloudCredentialsSource.of(SIM.credentials()));

        CloudUnavailableException e = assertThrows(
                CloudUnavailableException.class,
                () -> nowhere.companies().list(CompanyFilter.all(), PageRequest.first()));

        assertFalse(e.outcomeUnknown());
        assertEquals(3, local.count("GET /login", CloudOutcome.IO_ERROR), "one try and two retries");
        assertEquals(2, local.count("GET /login", CloudOutcome.RETRIED));
    }

    @Test
    void expiredTokensMeanOneNewLoginAndTheCallSucceeds() {
        cloud.companies().list(CompanyFilter.all(), PageRequest.first());
        control.expireTokens();

        cloud.companies().list(CompanyFilter.all(), PageRequest.first());

        assertEquals(2, control.requests("GET", LOGIN, 200), "the first login and exactly one more");
        assertEquals(1, control.requests("GET", COMPANIES, 401));
        assertEquals(2, control.requests("GET", COMPANIES, 200));
    }

    @Test
    void tokensAreRenewedAtHalfLifeThenReplacedByALoginWhenRenewalsRunOut() {
        MutableClock clock = MutableClock.startingNow();
        RainbowClient timed = client(SIM.clientConfig(metrics).withClock(clock));
        timed.login();
        control.clearRequests();

        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(3601)); // the simulator's tokens live 7200 s
            timed.companies().list(CompanyFilter.all(), PageRequest.first());
        }

        assertEquals(5, control.requests("GET", AUTH + "/renew", 200), "maxTokenRenew in the token is 5");
        assertEquals(1, control.requests("GET", LOGIN, 200), "then a new login");
        assertEquals(0, control.requests("GET", COMPANIES, 401), "never sent an expired token");
    }

    @Test
    void logoutEndsTheSessionAndTheNextCallLogsInAgain() {
        cloud.logout();
        cloud.companies().list(CompanyFilter.all(), PageRequest.first());

        assertEquals(1, control.requests("GET", AUTH + "/logout", 200));
        assertEquals(2, control.requests("GET", LOGIN, 200));
        assertEquals(0, control.requests("GET", COMPANIES, 401), "the old token was not used again");
    }

    private CloudSite site() {
        CloudCompany company = cloud.companies().create(CompanySettings.named("Faults"));
        return cloud.sites().create(SiteSettings.active("HQ", company.id()));
    }
}
