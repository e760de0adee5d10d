package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.DeletionPolicy;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.decision.DecisionContext;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.operator.validation.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
    protected final ClaimIndex<R> claims = new ClaimIndex<>(this::recorded, this::naturalKeys);

    protected CloudReconciler(ReconcileSupport support, CloudPort cloud, CloudLedger ledger, DriftTrigger<R> drift) {
        super(support);
        this.cloud = cloud;
        this.lookups = new CloudLookups(cloud);
        this.ledger = ledger;
        this.drift = drift;
    }

    /** The cloud objects the object's status records as its own: what it created or adopted (its claims). */
    protected abstract List<CloudRef> recorded(R resource);

    /** The keys by which the object's spec finds a cloud object without an ID; none by default. */
    protected List<String> naturalKeys(R resource) {
        return List.of();
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
                        support.settings().pendingRecheck(), support.settings().maxFailureBackoff())
                .withCapabilities(support.capabilities().snapshot())
                .withUnsupportedRecheck(support.settings().driftInterval());
    }

    /** The context of this object's decision on the cloud objects it observed: who holds them, among all objects. */
    protected DecisionContext decisionContext(R resource, Context<R> context, List<CloudRef> observed) {
        return decisionContext(resource).withClaim(claims.claim(context, resource, observed, naturalKeys(resource)));
    }

    /** The claim on what the object's status records, for its deletion: held by another, it deletes nothing. */
    protected DecisionContext deletionContext(R resource, Context<R> context) {
        return decisionContext(resource, context, recorded(resource));
    }

    /**
     * The check just before each destructive call of a deletion: the cloud object must be one this object created or
     * adopted, and no other object may record it as its own.
     */
    protected Predicate<CloudRef> mayDestroy(R resource, Context<R> context) {
        return ref -> recorded(resource).contains(ref) && !claims.heldByAnother(context, resource, ref);
    }

    /** A deletion that also wakes the objects of the kind that wait in Conflict once this one is gone. */
    protected final DeleteControl cleanupWith(
            R resource, DeletionPolicy policy, Context<R> context, ExternalDeletion<R> deletion) {
        return cleanupWith(resource, policy, deletion, () -> wakeWaitingClaimants(resource, context));
    }

    private void wakeWaitingClaimants(R gone, Context<R> context) {
        context.getPrimaryCache()
                .list()
                .filter(other -> !id(other).equals(id(gone)))
                .filter(other -> StatusConditions.reason(other.getStatus(), Conditions.READY)
                        .filter(Conditions.Ready.CONFLICT::equals)
                        .isPresent())
                .forEach(other -> drift.trigger(id(other)));
    }
}
