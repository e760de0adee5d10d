package io.pbxops.operator.reconcile.pbx;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxStatus;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.StatusEdits;
import java.time.Instant;

/**
 * A reset about to be made, recorded in the status before the cloud call so that a crash in between cannot reset
 * twice (nor forget the reset); recorded only on the current object, so that a reconcile on a copy older than the last
 * reset's record resets nothing.
 */
final class ResetIntent {

    private ResetIntent() {}

    static void record(ReconcileSupport support, Pbx pbx, String token, Instant since) {
        StatusEdits.guarded(support, pbx, PbxStatus::new, status -> {
            status.setPendingResetToken(token);
            status.setPendingResetSince(since.toString());
        });
    }

    static void clear(PbxStatus status) {
        status.setPendingResetToken(null);
        status.setPendingResetSince(null);
    }
}
