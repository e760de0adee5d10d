package io.pbxops.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.DeletionPolicy;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.decision.Decision;
import io.pbxops.operator.decision.Deletions;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.decision.Step;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The shape every reconciler shares (after Crossplane's managed reconciler): a paused object stops before any write;
 * otherwise {@link #sync} resolves references, validates, observes, decides and executes; its {@link Outcome}
 * becomes the Ready and Synced conditions; failures become conditions too, retried with a backoff only when they can
 * pass; the status is written only when it changed. Deletion follows the object's deletion decision.
 */
public abstract class ManagedReconciler<R extends CustomResource<?, S>, S extends PbxOpsStatus>
        implements Reconciler<R> {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedReconciler.class);
    /** How soon a reconcile made on a stale copy runs again: the informer is a watch event behind. */
    private static final long STALE_COPY_RETRY_MILLIS = 100;

    protected final ReconcileSupport support;
    private final Backoff backoff;
    private final Failures failures;
    /**
     * The resource version of this operator's last write on each object. The informer may hand the next reconcile an
     * older copy (its watch event not in yet), and a decision made on it could act again on what the write recorded
     * (a reset, a PBX configured): such a reconcile waits for the informer instead.
     */
    private final Map<ResourceID, String> lastWritten = new ConcurrentHashMap<>();

    protected ManagedReconciler(ReconcileSupport support) {
        this.support = support;
        this.backoff = new Backoff(
                support.settings().failureBackoff(), support.settings().maxFailureBackoff());
        this.failures = new Failures(support.settings(), backoff);
    }

    /** A fresh, empty status of the kind. */
    protected abstract S newStatus();

    /** One pass towards the spec; may set the kind's own status fields on {@code resource}. */
    protected abstract Outcome sync(R resource, Context<R> context) throws Exception;

    /** What a paused object shows; by default nothing is read or written. */
    protected Outcome paused(R resource, Context<R> context) throws Exception {
        return Outcome.paused(
                "paused by the annotation " + Annotations.PAUSED + ": no change is made in the cloud or on the PBX");
    }

    @Override
    public final UpdateControl<R> reconcile(R resource, Context<R> context) {
        long started = System.nanoTime();
        try (var ignored = logContext(resource)) {
            UpdateControl<R> control = reconcileOnce(resource, context);
            // A copy older than this operator's last write is sent back untouched: it may have no status at all.
            var ready = resource.getStatus() == null
                    ? Optional.<Condition>empty()
                    : StatusConditions.find(resource.getStatus().getConditions(), Conditions.READY);
            support.observer()
                    .reconciled(
                            resource.getKind(),
                            id(resource),
                            Duration.ofNanos(System.nanoTime() - started),
                            ready.map(c -> c.getStatus()).orElse("Unknown"),
                            ready.map(c -> c.getReason()).orElse(""));
            return control;
        }
    }

    private UpdateControl<R> reconcileOnce(R resource, Context<R> context) {
        if (behindOwnWrite(resource)) {
            LOG.debug(
                    "the informer has not seen this operator's last write on {} yet; reconciling again", id(resource));
            return UpdateControl.<R>noUpdate().rescheduleAfter(STALE_COPY_RETRY_MILLIS);
        }
        String versionRead = resource.getMetadata().getResourceVersion();
        try {
            return reconcileRead(resource, context);
        } finally {
            String versionLeft = resource.getMetadata().getResourceVersion();
            if (!Objects.equals(versionRead, versionLeft)) {
                lastWritten.put(id(resource), versionLeft);
            }
        }
    }

    /**
     * Whether the copy in hand is older than this operator's last write on the object. Asked of the API server only
     * when the versions differ (an edit by someone else since, or the informer behind), so once per change at most.
     */
    private boolean behindOwnWrite(R resource) {
        String written = lastWritten.get(id(resource));
        String inHand = resource.getMetadata().getResourceVersion();
        if (written == null || written.equals(inHand)) {
            lastWritten.remove(id(resource));
            return false;
        }
        R current = support.client().resource(resource).get();
        if (current != null && !Objects.equals(current.getMetadata().getResourceVersion(), inHand)) {
            return true;
        }
        lastWritten.remove(id(resource));
        return false;
    }

    private UpdateControl<R> reconcileRead(R resource, Context<R> context) {
        if (resource.getStatus() == null) {
            resource.setStatus(newStatus());
        }
        JsonNode before = Serialization.jsonMapper().valueToTree(resource.getStatus());
        Optional<Condition> readyBefore =
                StatusConditions.find(resource.getStatus().getConditions(), Conditions.READY);
        Outcome outcome;
        try {
            outcome = Annotations.isPaused(resource) ? paused(resource, context) : sync(resource, context);
            if (outcome == Outcome.UNCHANGED) {
                return UpdateControl.noUpdate();
            }
            if (outcome.synced()) {
                backoff.reset(id(resource));
            }
        } catch (StatusEdits.StaleCopyException e) {
            LOG.debug("{}; reconciling again", e.getMessage());
            return UpdateControl.<R>noUpdate().rescheduleAfter(STALE_COPY_RETRY_MILLIS);
        } catch (Exception e) {
            LOG.debug("reconcile failed", e);
            outcome = failures.outcome(id(resource), e);
        }
        show(resource, outcome);
        claimEvents(resource, readyBefore, outcome);
        JsonNode after = Serialization.jsonMapper().valueToTree(resource.getStatus());
        UpdateControl<R> control = UpdateControl.noUpdate();
        if (!before.equals(after) && !writeStatus(resource)) {
            return control.rescheduleAfter(0);
        }
        outcome.recheck().ifPresent(wait -> control.rescheduleAfter(wait));
        return control;
    }

    /** One event when an object enters a conflict over its cloud object, and one when it takes the object over. */
    private void claimEvents(R resource, Optional<Condition> readyBefore, Outcome outcome) {
        boolean wasConflict = readyBefore
                .map(c -> Conditions.Ready.CONFLICT.equals(c.getReason()))
                .orElse(false);
        boolean isConflict = Conditions.Ready.CONFLICT.equals(outcome.readyReason());
        if (isConflict
                && !readyBefore
                        .map(c -> Objects.equals(c.getMessage(), outcome.readyMessage()))
                        .orElse(false)) {
            support.events().warning(resource, "Conflict", outcome.readyMessage());
        } else if (wasConflict && outcome.ready() != null && !isConflict) {
            support.events()
                    .normal(
                            resource,
                            "ClaimTakenOver",
                            "the cloud object is this object's now: the object that " + "held it is gone or left it");
        }
    }

    /**
     * Replaces the status as a whole, guarded by the resource version in hand (kept current by our own writes during
     * the reconcile). A field-by-field patch computed from an older copy could mix two statuses; a conflict here means
     * the copy was stale, and the reconcile runs again on the current object. Answers false on a conflict.
     */
    private boolean writeStatus(R resource) {
        try {
            R written = support.client().resource(resource).updateStatus();
            resource.getMetadata().setResourceVersion(written.getMetadata().getResourceVersion());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                LOG.debug("status of {} changed meanwhile; reconciling again", id(resource));
                return false;
            }
            throw e;
        }
    }

    private void show(R resource, Outcome outcome) {
        S status = resource.getStatus();
        long generation = Objects.requireNonNullElse(resource.getMetadata().getGeneration(), 0L);
        if (outcome.ready() != null) {
            support.conditions()
                    .set(
                            status,
                            generation,
                            Conditions.READY,
                            outcome.ready(),
                            outcome.readyReason(),
                            outcome.readyMessage());
        } else if (StatusConditions.find(status.getConditions(), Conditions.READY)
                .isEmpty()) {
            support.conditions()
                    .set(
                            status,
                            generation,
                            Conditions.READY,
                            false,
                            Conditions.Ready.UNAVAILABLE,
                            "not reconciled yet: " + outcome.syncedMessage());
        }
        support.conditions()
                .set(
                        status,
                        generation,
                        Conditions.SYNCED,
                        outcome.synced(),
                        outcome.syncedReason(),
                        outcome.syncedMessage());
        // Paused or not, this generation was seen: the conditions say what was made of it (as a paused Deployment).
        status.setObservedGeneration(generation);
    }

    /**
     * The deletion of an object with a cloud counterpart: a paused object or an {@code Orphan} policy leaves the cloud
     * as it is without a look at it; otherwise {@code deletion} observes, decides and executes. While the decision
     * waits (for what depends on the object, or for a person), the finalizer stays, the object shows
     * {@code Ready=False Deleting} with why, and one event is recorded per change of that reason.
     */
    protected final DeleteControl cleanupWith(R resource, DeletionPolicy policy, ExternalDeletion<R> deletion) {
        return cleanupWith(resource, policy, deletion, () -> {});
    }

    /** As {@link #cleanupWith(CustomResource, DeletionPolicy, ExternalDeletion)}; {@code whenGone} runs once it is. */
    protected final DeleteControl cleanupWith(
            R resource, DeletionPolicy policy, ExternalDeletion<R> deletion, Runnable whenGone) {
        try (var ignored = logContext(resource)) {
            support.observer().forgotten(resource.getKind(), id(resource));
            lastWritten.remove(id(resource));
            Optional<Step> orphan = Deletions.orphan(resource, policy);
            if (orphan.isPresent()) {
                support.events()
                        .normal(
                                resource,
                                "Orphaned",
                                ((Step.Orphan) orphan.get()).why() + ": the cloud object is left as it is");
                return DeleteControl.defaultDelete();
            }
            try {
                Decision<?> decision = deletion.delete(resource);
                Optional<Step.Wait> waiting =
                        decision.steps(Step.Wait.class).stream().findFirst();
                if (waiting.isEmpty()) {
                    backoff.reset(id(resource));
                    whenGone.run();
                    return DeleteControl.defaultDelete();
                }
                showWaiting(resource, decision.outcome(), waiting.get());
                Duration recheck = Objects.requireNonNullElse(
                        waiting.get().recheck(), support.settings().maxFailureBackoff());
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(recheck);
            } catch (Exception e) {
                Outcome outcome = failures.outcome(id(resource), e);
                support.events().warning(resource, "DeleteFailed", outcome.syncedMessage());
                Duration wait = outcome.recheck().orElse(support.settings().maxFailureBackoff());
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(wait);
            }
        }
    }

    /** A waiting deletion: its status says why, and an event is recorded when the why changes. */
    private void showWaiting(R resource, Outcome outcome, Step.Wait waiting) {
        if (resource.getStatus() == null) {
            resource.setStatus(newStatus());
        }
        String before = StatusConditions.find(resource.getStatus().getConditions(), Conditions.READY)
                .filter(c -> Conditions.Ready.DELETING.equals(c.getReason()))
                .map(c -> c.getMessage())
                .orElse(null);
        if (waiting.message().equals(before)) {
            return;
        }
        if ("DeletionBlocked".equals(waiting.reason())) {
            support.events().warning(resource, waiting.reason(), waiting.message());
        } else {
            support.events().normal(resource, waiting.reason(), waiting.message());
        }
        show(resource, outcome);
        try {
            writeStatus(resource);
        } catch (KubernetesClientException e) {
            LOG.debug("could not show the waiting deletion of {}: {}", id(resource), e.getMessage());
        }
    }

    /** Observes, decides and executes the deletion of the cloud counterpart; answers the decision executed. */
    @FunctionalInterface
    protected interface ExternalDeletion<R> {
        Decision<?> delete(R resource) throws Exception;
    }

    /**
     * Whether nothing moved since the last successful reconcile: same desired state, no drift, and the status in hand
     * says the last reconcile succeeded (after a pause or a failure, the conditions must be written again).
     */
    protected final boolean unchanged(CloudLedger ledger, R resource, String fingerprint) {
        return StatusConditions.reason(resource.getStatus(), Conditions.SYNCED)
                        .filter(Conditions.Synced.RECONCILE_SUCCESS::equals)
                        .isPresent()
                && ledger.unchanged(id(resource), fingerprint);
    }

    protected static ResourceID id(CustomResource<?, ?> resource) {
        return ResourceID.fromResource(resource);
    }

    /** Every log line about an object carries its kind, namespace and name. */
    static LogContext logContext(CustomResource<?, ?> resource) {
        MDC.put("kind", resource.getKind());
        MDC.put("namespace", Objects.requireNonNullElse(resource.getMetadata().getNamespace(), ""));
        MDC.put("name", resource.getMetadata().getName());
        return () -> {
            MDC.remove("kind");
            MDC.remove("namespace");
            MDC.remove("name");
        };
    }

    /** The log context of one object, removed when the reconcile ends. */
    interface LogContext extends AutoCloseable {
        @Override
        void close();
    }
}
