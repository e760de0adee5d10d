package io.pbxops.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxStatus;
import io.pbxops.operator.testing.TestCluster;
import io.pbxops.operator.testing.TestOperators;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status edits made in the middle of a reconcile, against the fabric8 mock API server. */
class StatusEditsTest {

    private TestCluster cluster;
    private KubernetesClient client;
    private ReconcileSupport support;

    @BeforeEach
    void start() {
        cluster = TestCluster.start();
        client = cluster.client();
        support = new ReconcileSupport(client, Clock.systemUTC(), TestOperators.quickSettings(Set.of()));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void anIntentIsNotRecordedFromACopyOlderThanTheObject() {
        Pbx stale = created();
        Pbx current = client.resource(stale).get();
        current.setStatus(new PbxStatus());
        current.getStatus().setLastResetToken("r1");
        client.resource(current).updateStatus(); // the last reset, recorded after the stale copy was read

        assertThrows(
                StatusEdits.StaleCopyException.class,
                () -> StatusEdits.guarded(support, stale, PbxStatus::new, status -> status.setPendingResetToken("r1")));

        PbxStatus inCluster = client.resource(stale).get().getStatus();
        assertNull(inCluster.getPendingResetToken(), "nothing written");
        assertEquals("r1", inCluster.getLastResetToken());
    }

    @Test
    void anIntentIsRecordedOnTheCurrentObjectAndTheCopyFollows() {
        Pbx pbx = created();

        StatusEdits.guarded(support, pbx, PbxStatus::new, status -> status.setPendingResetToken("r1"));

        Pbx inCluster = client.resource(pbx).get();
        assertEquals("r1", inCluster.getStatus().getPendingResetToken());
        assertEquals(
                inCluster.getMetadata().getResourceVersion(), pbx.getMetadata().getResourceVersion());
    }

    private Pbx created() {
        Pbx pbx = Serialization.unmarshal("""
                apiVersion: pbxops.io/v1alpha1
                kind: Pbx
                metadata: {name: acme-oxo, namespace: default}
                spec: {companyRef: {name: acme}, type: OXOConnect}
                """, Pbx.class);
        return client.resource(pbx).create();
    }
}
