package io.pbxops.operator.reconcile.pbx;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxStatus;
import io.pbxops.operator.reconcile.ReconcileSupport;
import java.time.Instant;

/**
 * A reset about to be made, recorded in the status before the cloud call so that a crash in between cannot reset
 * twice (nor forget the reset).
 */
record ResetIntent(String token, Instant since) {

    static ResetIntent of(PbxStatus status) {
        if (status.getPendingResetToken() == null || status.getPendingResetSince() == null) {
            return null;
        }
        return new ResetIntent(status.getPendingResetToken(), Instant.parse(status.getPendingResetSince()));
    }

    static void record(ReconcileSupport support, Pbx pbx, String token, Instant since) {
        Pbx edited = support.client()
                .resources(Pbx.class)
                .inNamespace(pbx.getMetadata().getNamespace())
                .withName(pbx.getMetadata().getName())
                .editStatus(current -> {
                    if (current.getStatus() == null) {
                        current.setStatus(new PbxStatus());
                    }
                    current.getStatus().setPendingResetToken(token);
                    current.getStatus().setPendingResetSince(since.toString());
                    return current;
                });
        pbx.getStatus().setPendingResetToken(token);
        pbx.getStatus().setPendingResetSince(since.toString());
        pbx.getMetadata().setResourceVersion(edited.getMetadata().getResourceVersion());
    }

    static void clear(PbxStatus status) {
        status.setPendingResetToken(null);
        status.setPendingResetSince(null);
    }
}
