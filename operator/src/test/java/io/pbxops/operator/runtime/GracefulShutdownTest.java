package io.pbxops.operator.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.testing.FleetHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping the operator lets a reconcile under way finish, so that nothing is left half-done. */
class GracefulShutdownTest {

    private FleetHarness fleet;

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void aReconcileUnderWayFinishesBeforeTheOperatorStops() {
        fleet = FleetHarness.start(simulator -> simulator.withLatency(Duration.ofMillis(400)), settings -> settings);
        fleet.apply("""
                apiVersion: pbxops.io/v1alpha1
                kind: Company
                metadata: {name: globex}
                spec: {displayName: Globex GmbH, country: DEU}
                """);
        // The first admin call (the lookup by name) is answered: the reconcile is under way, creates to follow.
        await().atMost(FleetHarness.CONVERGENCE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> fleet.cloud().requests("GET", "/companies") >= 1);
        fleet.stopOperator();

        Company company = fleet.get(Company.class, "globex");
        assertNotNull(company.getStatus(), "the reconcile wrote its status before the operator stopped");
        assertNotNull(company.getStatus().getSiteId());
        assertEquals(
                company.getStatus().getCompanyId(),
                company.getMetadata().getAnnotations().get(Annotations.EXTERNAL_ID));
        assertEquals(1, fleet.cloud().companies().size());
        assertEquals(1, fleet.cloud().sites().size());
    }
}
