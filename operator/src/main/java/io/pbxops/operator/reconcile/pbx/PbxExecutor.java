package io.pbxops.operator.reconcile.pbx;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.decision.Observed;
import io.pbxops.operator.decision.PbxDecision;
import io.pbxops.operator.decision.Step;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.StatusEdits;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Executes a Pbx's steps, in order, through the cloud port, the PBX endpoint port and the activation Secret, with one
 * event per step. The values a step leaves to execution (the ID of the system just created, its equipment ID and
 * activation code) are taken from the answers of the steps before it. Answers what the cloud, the PBX and the Secret
 * hold afterwards, and what the operator now remembers of its resets.
 */
final class PbxExecutor {

    /** What the steps left. */
    record Result(PbxDecision.Observation observation, PbxDecision.ResetMemory memory) {}

    private final ReconcileSupport support;
    private final CloudPort cloud;
    private final PbxEndpointPort endpoints;
    private final ActivationSecrets secrets;

    PbxExecutor(ReconcileSupport support, CloudPort cloud, PbxEndpointPort endpoints, ActivationSecrets secrets) {
        this.support = support;
        this.cloud = cloud;
        this.endpoints = endpoints;
        this.secrets = secrets;
    }

    /**
     * @param endpoint   the PBX's management endpoint, resolved; null when it has none (or, on a deletion, when
     *                   its Secrets are gone: the PBX is then left as it is)
     * @param mayDestroy the check just before each destructive call of a deletion: the system is this object's own,
     *                   and no other object records it as its own; when it fails, nothing more is done
     */
    Result run(
            Pbx pbx,
            EndpointTargets.Resolved endpoint,
            List<Step> steps,
            PbxDecision.Observation observed,
            PbxDecision.ResetMemory memory,
            Predicate<CloudRef> mayDestroy) {
        CloudSystem system = observed.system().object().orElse(null);
        CloudSystemState state = observed.state();
        PbxDecision.PbxSide pbxSide = observed.pbxSide();
        PbxDecision.SecretContent secret = observed.secret();
        PbxDecision.ResetMemory remembered = memory;
        for (Step step : steps) {
            if (step instanceof Step.CreateSystem create) {
                system = cloud.systems().create(create.system());
                claim(pbx, system.id());
                support.events()
                        .normal(
                                pbx,
                                "Created",
                                "declared system " + system.id() + " " + create.where()
                                        + "; its activation data is in Secret " + create.secretName());
            } else if (step instanceof Step.Adopt adopt) {
                claim(pbx, adopt.ref().id());
                support.events()
                        .normal(
                                pbx,
                                "Adopted",
                                "adopted the existing " + adopt.what() + " ("
                                        + adopt.ref().id() + ")");
            } else if (step instanceof Step.UpdateSystem update) {
                system = cloud.systems()
                        .update(update.systemId(), update.changes().update());
                support.events()
                        .normal(
                                pbx,
                                "Updated",
                                "updated system " + system.id() + ": "
                                        + update.changes().describe());
            } else if (step instanceof Step.Link link) {
                system = cloud.systems().link(link.siteId(), system.id());
                support.events()
                        .normal(
                                pbx,
                                "Linked",
                                "linked system " + system.id() + " to the site " + link.siteId() + " of its company");
            } else if (step instanceof Step.Reset reset && reset.token() != null) {
                system = resetOnce(pbx, system, reset.token());
                remembered = PbxDecision.ResetMemory.of(reset.token(), null, null);
                state = null;
            } else if (step instanceof Step.ConfirmReset confirm) {
                recordReset(pbx, confirm.token());
                remembered = PbxDecision.ResetMemory.of(confirm.token(), null, null);
                state = null;
            } else if (isDestructive(step) && !mayDestroy.test(CloudRef.system(system.id()))) {
                support.events()
                        .warning(
                                pbx,
                                "NotDeleted",
                                "system " + system.id() + " is not this object's own (or another "
                                        + "object holds it): nothing is reset or removed");
                break;
            } else if (step instanceof Step.Reset) {
                system = cloud.systems().reset(system.id());
                support.events().normal(pbx, "Reset", "reset the PBX connection before removing the equipment");
            } else if (step instanceof Step.PublishActivation publish) {
                String code = PbxDecision.codeShown(system);
                // Once the PBX is activated, the cloud no longer shows the code: only the equipment ID is written.
                if (secrets.write(pbx, system.pbxId(), code) && !publish.withCreateOrReset() && code != null) {
                    support.events()
                            .normal(
                                    pbx,
                                    "ActivationSecretUpdated",
                                    "wrote the equipment ID and activation code to " + "Secret "
                                            + publish.secretName());
                }
                secret = PbxDecision.SecretContent.of(system.pbxId(), code != null ? code : secret.activationCode());
            } else if (step instanceof Step.ConfigurePbx configure) {
                pbxSide = new PbxDecision.PbxSide.Read(configure(pbx, endpoint, system, secret, configure));
            } else if (step instanceof Step.DisablePbx) {
                if (endpoint != null) {
                    endpoints.disable(endpoint.target());
                }
            } else if (step instanceof Step.DeleteGateway delete) {
                if (cloud.gateways().delete(delete.gatewayId())) {
                    support.events()
                            .normal(pbx, "GatewayRemoved", "removed WebRTC gateway " + delete.name() + " of the PBX");
                }
            } else if (step instanceof Step.DeleteSystem delete) {
                if (cloud.systems().delete(delete.systemId())) {
                    support.events()
                            .normal(
                                    pbx,
                                    "Deleted",
                                    "removed the equipment (system " + delete.systemId() + ") from the cloud");
                }
                system = null;
            } else if (step instanceof Step.DeleteActivationSecret) {
                secrets.delete(pbx);
                secret = PbxDecision.SecretContent.ABSENT;
            } else if (step instanceof Step.Unsupported unsupported) {
                support.events()
                        .warning(
                                pbx,
                                "GatewayLeft",
                                "this cloud does not serve " + unsupported.feature() + ": "
                                        + unsupported.consequence());
            } else if (step.writes()) {
                throw new IllegalStateException("a Pbx cannot " + step);
            }
        }
        if (system != null && !CloudSystem.STATUS_ACTIVATED.equals(system.status())) {
            state = null;
        }
        return new Result(new PbxDecision.Observation(Observed.of(system), state, pbxSide, secret), remembered);
    }

    /** The system is this object's: its ID on the object (annotation) and in its status, at once. */
    private void claim(Pbx pbx, String systemId) {
        ExternalIds.record(support, pbx, systemId);
        StatusEdits.now(support, pbx, PbxStatus::new, status -> status.setSystemId(systemId));
    }

    /** The deletion's steps that change or remove what the system is (each checked just before it). */
    private static boolean isDestructive(Step step) {
        return step instanceof Step.Reset reset && reset.token() == null
                || step instanceof Step.DeleteGateway
                || step instanceof Step.DisablePbx
                || step instanceof Step.DeleteSystem;
    }

    /**
     * Resets exactly once per token: the intent is recorded in the status before the call, so that after a crash
     * the cloud's connection history tells whether the call was made (see {@link Step.ConfirmReset}).
     */
    private CloudSystem resetOnce(Pbx pbx, CloudSystem system, String token) {
        ResetIntent.record(support, pbx, token, Instant.now(support.clock()).truncatedTo(ChronoUnit.SECONDS));
        CloudSystem reset = cloud.systems().reset(system.id());
        recordReset(pbx, token);
        return reset;
    }

    private void recordReset(Pbx pbx, String token) {
        PbxStatus status = pbx.getStatus();
        status.setLastResetToken(token);
        status.setLastResetTime(
                Instant.now(support.clock()).truncatedTo(ChronoUnit.SECONDS).toString());
        ResetIntent.clear(status);
        support.events()
                .normal(
                        pbx,
                        "Reset",
                        "reset the PBX connection: a new activation code is in Secret " + ActivationSecrets.name(pbx)
                                + " and the PBX is Pending until it is entered");
    }

    /** Enters the activation data on the PBX; the code is the one the cloud shows, else the one the Secret keeps. */
    private EndpointState configure(
            Pbx pbx,
            EndpointTargets.Resolved endpoint,
            CloudSystem system,
            PbxDecision.SecretContent secret,
            Step.ConfigurePbx step) {
        String code = Optional.ofNullable(PbxDecision.codeShown(system)).orElse(secret.activationCode());
        EndpointState state = endpoints.apply(
                endpoint.target(),
                new EndpointSettings(
                        system.pbxId(), code, step.enterCode() && code != null, endpoint.network(), step.unread()));
        if (!state.changes().isEmpty()) {
            support.events()
                    .normal(
                            pbx,
                            "PbxConfigured",
                            "on the PBX through " + endpoint.target().describe() + ": "
                                    + String.join("; ", state.changes()));
        }
        return state;
    }

    /** The activation Secret's content, as a decision compares it with the cloud. */
    static PbxDecision.SecretContent secretContent(Optional<Map<String, String>> values) {
        return values.map(v -> PbxDecision.SecretContent.of(
                        v.get(ActivationSecrets.EQUIPMENT_ID), v.get(ActivationSecrets.ACTIVATION_CODE)))
                .orElse(PbxDecision.SecretContent.ABSENT);
    }
}
