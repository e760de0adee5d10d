package io.pbxops.operator.cloud;

import static io.pbxops.operator.cloud.support.SimControl.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.support.ConcurrencyProbe;
import io.pbxops.operator.cloud.support.SimControl;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one budget per account: concurrency measured on the wire while a latency fault holds the answers, and the
 * request rate measured by the simulator's own rate limit (no 429 while the client stays under it).
 */
class CloudBudgetContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private static final String COMPANIES = ADMIN + "/companies";

    private SimControl control;

    @BeforeEach
    void setUp() {
        control = SIM.control();
    }

    @Test
    void neverMoreConcurrentRequestsThanTheBudgetAllows() throws Exception {
        assertEquals(2, maxInFlight(2));
    }

    @Test
    void theProbeSeesMoreWhenTheBudgetAllowsMore() throws Exception {
        assertTrue(maxInFlight(6) > 2, "the measurement can see a concurrency above 2");
    }

    private int maxInFlight(int allowed) throws Exception {
        control.faults(Map.of("latencyMs", 300));
        try (ConcurrencyProbe probe = new ConcurrencyProbe(SIM.cloudUrl())) {
            InMemoryCloudMetrics metrics = new InMemoryCloudMetrics();
            RainbowClient cloud = RainbowClient.create(
                    RainbowClientConfig.defaults(probe.url())
                            .withMetrics(metrics)
                            .withBudget(CloudBudget.of(allowed, 100, Duration.ofSeconds(30))),
                    CloudCredentialsSource.of(SIM.credentials()));
            runConcurrently(8, () -> cloud.companies().list(CompanyFilter.all(), PageRequest.first()));
            assertEquals(8, control.requests("GET", COMPANIES, 200));
            if (allowed < 8) {
                assertTrue(metrics.total(CloudOutcome.CONCURRENCY_WAIT) > 0, metrics.toString());
            }
            return probe.maxInFlight();
        }
    }

    @Test
    void stayingUnderTheRateBudgetMeansTheCloudNeverSaysTooMany() throws Exception {
        control.faults(Map.of("rateLimitPerSecond", 4));
        InMemoryCloudMetrics metrics = new InMemoryCloudMetrics();
        RainbowClient cloud = RainbowClient.create(
                SIM.clientConfig(metrics).withBudget(CloudBudget.of(8, 2, Duration.ofSeconds(30))),
                CloudCredentialsSource.of(SIM.credentials()));

        runConcurrently(8, () -> cloud.companies().list(CompanyFilter.all(), PageRequest.first()));

        assertEquals(8, control.requests("GET", COMPANIES, 200));
        assertEquals(0, control.requests("GET", COMPANIES, 429));
        assertTrue(metrics.total(CloudOutcome.RATE_LIMIT_WAIT) > 0, "calls waited for the budget");
    }

    @Test
    void withoutTheRateBudgetTheSameLoadMeetsTooMany() throws Exception {
        control.faults(Map.of("rateLimitPerSecond", 4, "retryAfterSeconds", 1));
        RainbowClient cloud = RainbowClient.create(
                SIM.clientConfig(new InMemoryCloudMetrics())
                        .withBudget(CloudBudget.of(8, 1000, Duration.ofSeconds(30))),
                CloudCredentialsSource.of(SIM.credentials()));

        runConcurrently(8, () -> cloud.companies().list(CompanyFilter.all(), PageRequest.first()));

        assertTrue(control.requests("GET", COMPANIES, 429) > 0, "the control case: the limit is real");
        assertEquals(8, control.requests("GET", COMPANIES, 200));
    }

    private static void runConcurrently(int calls, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(call));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
