package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.decision.DecisionContext;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.operator.validation.Problem;
import java.util.List;
import java.util.Optional;

/**
 * A reconciler of a kind with a cloud counterpart: the cloud port and its lookups, the ledger of what was applied, and
 * the drift check's trigger for the kind. Each one resolves its references, observes through the lookups, asks its
 * kind's decision what to do, executes the steps through the ports, and shows the decision made again on what the
 * steps left.
 */
public abstract class CloudReconciler<R extends CustomResource<?, S>, S extends PbxOpsStatus>
        extends ManagedReconciler<R, S> {

    protected final CloudPort cloud;
    protected final CloudLookups lookups;
    protected final CloudLedger ledger;
    protected final DriftTrigger<R> drift;

    protected CloudReconciler(ReconcileSupport support, CloudPort cloud, CloudLedger ledger, DriftTrigger<R> drift) {
        super(support);
        this.cloud = cloud;
        this.lookups = new CloudLookups(cloud);
        this.ledger = ledger;
        this.drift = drift;
    }

    /** What the object's own checks (schema, CEL, domain) refuse, as the outcome to show; before any cloud call. */
    protected static Optional<Outcome> invalid(CustomResource<?, ?> resource) {
        List<Problem> problems = ObjectValidator.get().validate(resource);
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(Outcome.invalid(problems.get(0).toString()));
    }

    /** The context of this object's decision: who holds its cloud object, what the cloud serves, the timings. */
    protected DecisionContext decisionContext(R resource) {
        return DecisionContext.of(
                support.settings().pendingRecheck(), support.settings().maxFailureBackoff());
    }
}
