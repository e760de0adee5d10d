package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.cloud.CloudConflictException;
import io.pbxops.operator.cloud.CloudCredentialsMissingException;
import io.pbxops.operator.cloud.CloudCredentialsRefusedException;
import io.pbxops.operator.cloud.CloudException;
import io.pbxops.operator.cloud.CloudInvalidRequestException;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.pbx.PbxEndpointException;
import java.time.Duration;

/**
 * Turns a failed reconcile into conditions a person and a GitOps tool can act on. Terminal problems (the cloud
 * refuses the settings, another object holds the same cloud object, the credentials are refused) are not retried in
 * a hot loop; passing ones (an outage, a timeout) are retried with a per-object backoff.
 */
final class Failures {

    private final OperatorSettings settings;
    private final Backoff backoff;

    Failures(OperatorSettings settings, Backoff backoff) {
        this.settings = settings;
        this.backoff = backoff;
    }

    Outcome outcome(ResourceID key, Exception failure) {
        if (failure instanceof CloudCredentialsRefusedException
                || failure instanceof CloudCredentialsMissingException) {
            return Outcome.failed(
                    Conditions.Synced.CREDENTIALS_REFUSED, failure.getMessage(), settings.credentialsRecheck());
        }
        if (failure instanceof CloudInvalidRequestException) {
            String message = "the cloud refused the settings: " + failure.getMessage();
            return Outcome.invalid(message);
        }
        if (failure instanceof CloudConflictException) {
            String message = "conflict in the cloud: " + failure.getMessage();
            return new Outcome(
                    false,
                    Conditions.Ready.CONFLICT,
                    message,
                    false,
                    Conditions.Synced.RECONCILE_ERROR,
                    message,
                    settings.maxFailureBackoff());
        }
        if (failure instanceof PbxEndpointException.AuthenticationRefused) {
            String message = "the PBX's management endpoint refused the credentials of its Secret: "
                    + failure.getMessage() + "; fix the Secret named by spec.endpoint.credentialsSecretRef";
            return Outcome.failed(Conditions.Synced.CREDENTIALS_REFUSED, message, settings.credentialsRecheck());
        }
        Duration wait = backoff.next(key);
        return Outcome.failed(Conditions.Synced.RECONCILE_ERROR, describe(failure), wait);
    }

    private static String describe(Exception failure) {
        if (failure instanceof CloudException
                || failure instanceof PbxEndpointException
                || failure instanceof ReconcileException) {
            return failure.getMessage();
        }
        if (failure instanceof KubernetesClientException kubernetes) {
            return "the Kubernetes API refused a change: "
                    + (kubernetes.getStatus() != null ? kubernetes.getStatus().getMessage() : kubernetes.getMessage());
        }
        return "unexpected error: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
