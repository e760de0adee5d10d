package io.pbxops.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.reconcile.plan.NumberingPlanReconciler;
import io.pbxops.operator.testing.TestCluster;
import io.pbxops.operator.testing.TestOperators;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reconcile handed a copy older than the operator's own last write, against the fabric8 mock API server. */
class StaleCopyTest {

    private TestCluster cluster;
    private KubernetesClient client;
    private NumberingPlanReconciler reconciler;

    @BeforeEach
    void start() {
        cluster = TestCluster.start();
        client = cluster.client();
        reconciler = new NumberingPlanReconciler(
                new ReconcileSupport(client, Clock.systemUTC(), TestOperators.quickSettings(Set.of())));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aCopyWithoutStatusOlderThanTheOperatorsWriteIsReconciledAgainLaterNotActedOn() {
        NumberingPlan created = client.resource(Serialization.unmarshal("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: NumberingPlan
                        metadata: {name: fr, namespace: default, annotations: {pbxops.io/paused: "true"}}
                        spec:
                          rules:
                          - {match: "^218", replace: "039068"}
                        """, NumberingPlan.class))
                .create();
        NumberingPlan older = Serialization.clone(created);

        reconciler.reconcile(created, null);
        String written = client.resource(created).get().getMetadata().getResourceVersion();
        assertNotNull(client.resource(created).get().getStatus(), "the paused status was written");

        UpdateControl<NumberingPlan> control = reconciler.reconcile(older, null);

        assertNull(older.getStatus(), "the older copy is left as it came");
        assertTrue(control.getScheduleDelay().isPresent(), "reconciled again once the informer caught up");
        assertEquals(written, client.resource(created).get().getMetadata().getResourceVersion(), "nothing written");
    }
}
