package io.pbxops.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.DeletionPolicy;
import io.pbxops.operator.api.PbxOpsStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The shape every reconciler shares (after Crossplane's managed reconciler): a paused object stops before any write;
 * otherwise {@link #sync} resolves references, validates, observes, and creates or updates; its {@link Outcome}
 * becomes the Ready and Synced conditions; failures become conditions too, retried with a backoff only when they can
 * pass; the status is written only when it changed. Deletion follows the object's deletion policy.
 */
public abstract class ManagedReconciler<R extends CustomResource<?, S>, S extends PbxOpsStatus>
        implements Reconciler<R> {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedReconciler.class);

    protected final ReconcileSupport support;

    protected ManagedReconciler(ReconcileSupport support) {
        this.support = support;
    }

    /** A fresh, empty status of the kind. */
    protected abstract S newStatus();

    /** One pass towards the spec; may set the kind's own status fields on {@code resource}. */
    protected abstract Outcome sync(R resource, Context<R> context) throws Exception;

    /** What a paused object shows; by default nothing is read or written. */
    protected Outcome paused(R resource, Context<R> context) throws Exception {
        return new Outcome(
                null,
                null,
                null,
                false,
                Conditions.Synced.RECONCILE_PAUSED,
                "paused by the annotation " + Annotations.PAUSED + ": no change is made in the cloud or on the PBX",
                null);
    }

    @Override
    public final UpdateControl<R> reconcile(R resource, Context<R> context) {
        long started = System.nanoTime();
        try (var ignored = logContext(resource)) {
            UpdateControl<R> control = reconcileOnce(resource, context);
            var ready = StatusConditions.find(resource.getStatus().getConditions(), Conditions.READY);
            support.observer()
                    .reconciled(
                            resource.getKind(),
                            key(resource),
                            Duration.ofNanos(System.nanoTime() - started),
                            ready.map(c -> c.getStatus()).orElse("Unknown"),
                            ready.map(c -> c.getReason()).orElse(""));
            return control;
        }
    }

    private UpdateControl<R> reconcileOnce(R resource, Context<R> context) {
        {
            if (resource.getStatus() == null) {
                resource.setStatus(newStatus());
            }
            JsonNode before = Serialization.jsonMapper().valueToTree(resource.getStatus());
            Outcome outcome;
            try {
                outcome = isPaused(resource) ? paused(resource, context) : sync(resource, context);
                if (outcome == Outcome.UNCHANGED) {
                    return UpdateControl.noUpdate();
                }
                if (outcome.synced()) {
                    support.backoff().reset(key(resource));
                }
            } catch (Exception e) {
                LOG.debug("reconcile failed", e);
                outcome = support.failures().outcome(key(resource), e);
            }
            apply(resource, outcome);
            JsonNode after = Serialization.jsonMapper().valueToTree(resource.getStatus());
            UpdateControl<R> control = UpdateControl.noUpdate();
            if (!before.equals(after) && !writeStatus(resource)) {
                return control.rescheduleAfter(0);
            }
            outcome.recheck().ifPresent(wait -> control.rescheduleAfter(wait));
            return control;
        }
    }

    /**
     * Replaces the status as a whole, guarded by the resource version in hand (kept current by our own writes during
     * the reconcile). A field-by-field patch computed from an older copy could mix two statuses; a conflict here means
     * the copy was stale, and the reconcile runs again on the current object. Answers false on a conflict.
     */
    private boolean writeStatus(R resource) {
        try {
            support.client().resource(resource).updateStatus();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                LOG.debug("status of {} changed meanwhile; reconciling again", key(resource));
                return false;
            }
            throw e;
        }
    }

    private void apply(R resource, Outcome outcome) {
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
        if (!Conditions.Synced.RECONCILE_PAUSED.equals(outcome.syncedReason())) {
            status.setObservedGeneration(generation);
        }
    }

    /**
     * The deletion of an object with a cloud counterpart: a paused object or an {@code Orphan} policy leaves the cloud
     * as it is; otherwise {@code deleteExternal} removes it, tolerating what is already gone, and the finalizer stays
     * until it is done.
     */
    protected final DeleteControl cleanupWith(R resource, DeletionPolicy policy, ExternalDeletion<R> deleteExternal) {
        try (var ignored = logContext(resource)) {
            support.observer().forgotten(resource.getKind(), key(resource));
            if (isPaused(resource)) {
                support.events()
                        .normal(resource, "Orphaned", "deleted while paused: the cloud object is left as it is");
                return DeleteControl.defaultDelete();
            }
            if (policy == DeletionPolicy.Orphan) {
                support.events()
                        .normal(resource, "Orphaned", "deletionPolicy Orphan: the cloud object is left as it is");
                return DeleteControl.defaultDelete();
            }
            try {
                Duration wait = deleteExternal.delete(resource);
                if (wait == null) {
                    support.backoff().reset(key(resource));
                    return DeleteControl.defaultDelete();
                }
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(wait);
            } catch (Exception e) {
                Outcome outcome = support.failures().outcome(key(resource), e);
                support.events().warning(resource, "DeleteFailed", outcome.syncedMessage());
                Duration wait = outcome.recheck().orElse(support.settings().maxFailureBackoff());
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(wait);
            }
        }
    }

    /** Removes the cloud counterpart; answers null when done, or how long to wait before trying again. */
    @FunctionalInterface
    protected interface ExternalDeletion<R> {
        Duration delete(R resource) throws Exception;
    }

    /**
     * Whether nothing moved since the last successful reconcile: same desired state, no drift, and the status in hand
     * says the last reconcile succeeded (after a pause or a failure, the conditions must be written again).
     */
    protected final boolean unchanged(CloudLedger ledger, R resource, String fingerprint) {
        return StatusConditions.reason(resource.getStatus(), Conditions.SYNCED)
                        .filter(Conditions.Synced.RECONCILE_SUCCESS::equals)
                        .isPresent()
                && ledger.unchanged(key(resource), fingerprint);
    }

    public static boolean isPaused(CustomResource<?, ?> resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations != null && "true".equalsIgnoreCase(annotations.get(Annotations.PAUSED));
    }

    protected static String key(CustomResource<?, ?> resource) {
        return resource.getKind() + "/" + resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
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
