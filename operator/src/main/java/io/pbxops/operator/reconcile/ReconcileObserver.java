package io.pbxops.operator.reconcile;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;

/** Hears every reconcile: how long it took and where it left the object (for metrics). */
public interface ReconcileObserver {

    /**
     * @param kind        the object's kind
     * @param object      the object's namespace and name
     * @param readyStatus {@code True}, {@code False} or {@code Unknown}
     * @param readyReason the Ready condition's reason
     */
    void reconciled(String kind, ResourceID object, Duration took, String readyStatus, String readyReason);

    void forgotten(String kind, ResourceID object);

    static ReconcileObserver none() {
        return new ReconcileObserver() {
            @Override
            public void reconciled(
                    String kind, ResourceID object, Duration took, String readyStatus, String readyReason) {}

            @Override
            public void forgotten(String kind, ResourceID object) {}
        };
    }
}
