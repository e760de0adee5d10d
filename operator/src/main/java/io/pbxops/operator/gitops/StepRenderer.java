package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.decision.Step;
import io.pbxops.operator.mapping.FieldChange;
import io.pbxops.operator.mapping.FieldList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps of a decision as {@code plan} shows them: what the operator will do, in the future tense, with the fields
 * it writes. It renders; it never decides (a step it does not show — the activation Secret's writes — is one the
 * create and reset lines already mention).
 */
final class StepRenderer {

    private static final String PRUNED = " (once the object is removed from the cluster)";

    private StepRenderer() {}

    /**
     * @param object  the declared object the steps are for
     * @param pruning the steps are its deletion (it was removed from the manifests)
     */
    static List<PlanStep> render(HasMetadata object, List<Step> steps, boolean pruning) {
        List<PlanStep> rendered = new ArrayList<>();
        String when = pruning ? PRUNED : "";
        for (Step step : steps) {
            render(object, step, when).ifPresent(rendered::add);
        }
        return rendered;
    }

    private static Optional<PlanStep> render(HasMetadata object, Step step, String when) {
        if (step instanceof Step.CreateCompany create) {
            return create("company \"" + create.settings().name() + "\"", FieldList.of(create.settings()));
        }
        if (step instanceof Step.UpdateCompany update) {
            return Optional.of(new PlanStep(
                    PlanAction.UPDATE,
                    "company " + update.companyId(),
                    update.changes().fields()));
        }
        if (step instanceof Step.DeleteCompany delete) {
            return of(PlanAction.DELETE, "delete company \"" + delete.name() + "\"" + when);
        }
        if (step instanceof Step.CreateSite create) {
            return create("site \"" + create.settings().name() + "\"", FieldList.of(create.settings()));
        }
        if (step instanceof Step.UpdateSite update) {
            return Optional.of(new PlanStep(
                    PlanAction.UPDATE,
                    "site " + update.siteId(),
                    update.changes().fields()));
        }
        if (step instanceof Step.DeleteSite delete) {
            return of(PlanAction.DELETE, "delete site " + delete.siteId() + when);
        }
        if (step instanceof Step.CreateSystem create) {
            return create(
                    "system \"" + create.system().settings().name() + "\" " + create.where()
                            + (create.fleetIds()
                                    ? ", its fleet references as equipment ID and activation code"
                                    : ", equipment ID and activation code generated")
                            + " (written to Secret " + create.secretName() + ")",
                    FieldList.of(create.system().settings()));
        }
        if (step instanceof Step.UpdateSystem update) {
            return Optional.of(new PlanStep(
                    PlanAction.UPDATE,
                    "system " + update.systemId(),
                    update.changes().fields()));
        }
        if (step instanceof Step.DeleteSystem delete) {
            return of(PlanAction.DELETE, "remove the equipment (system " + delete.systemId() + ")" + when);
        }
        if (step instanceof Step.Link link) {
            return of(PlanAction.LINK, link(object, link));
        }
        if (step instanceof Step.Unlink unlink) {
            return of(
                    PlanAction.UNLINK,
                    "unlink system " + unlink.systemId() + " from site " + unlink.siteId() + " of Company/"
                            + unlink.companyName() + when);
        }
        if (step instanceof Step.Reset reset) {
            return of(PlanAction.RESET, reset(object, reset) + when);
        }
        if (step instanceof Step.ConfirmReset confirm) {
            return of(PlanAction.RESET, "record the reset for resetToken \"" + confirm.token() + "\"");
        }
        if (step instanceof Step.ConfigurePbx configure && configure.unread()) {
            return of(
                    PlanAction.CONFIGURE_PBX,
                    "through " + configure.endpoint() + ", once the system is declared (not read first): "
                            + String.join(", ", configure.changes()));
        }
        if (step instanceof Step.ConfigurePbx configure) {
            return of(
                    PlanAction.CONFIGURE_PBX,
                    "through " + configure.endpoint() + " (the agent says "
                            + Objects.requireNonNullElse(configure.agentSays(), "nothing") + "): "
                            + String.join(", ", configure.changes()));
        }
        if (step instanceof Step.DisablePbx disable) {
            return of(
                    PlanAction.CONFIGURE_PBX,
                    "turn the Rainbow agent off on the PBX through " + disable.endpoint() + when);
        }
        if (step instanceof Step.CreateGateway create) {
            return create(
                    create.gateway().type() + " WebRTC gateway on " + create.on(),
                    FieldList.of(create.gateway().settings()));
        }
        if (step instanceof Step.UpdateGateway update) {
            return Optional.of(new PlanStep(
                    PlanAction.UPDATE,
                    "gateway " + update.gatewayId(),
                    update.changes().fields()));
        }
        if (step instanceof Step.DeleteGateway delete) {
            return of(PlanAction.DELETE, "remove WebRTC gateway \"" + delete.name() + "\"" + when);
        }
        if (step instanceof Step.Adopt adopt) {
            return of(
                    PlanAction.ADOPT,
                    "adopt the existing " + adopt.what() + " " + adopt.ref().id()
                            + (adopt.staleId() == null
                                    ? ""
                                    : " (the annotated ID " + adopt.staleId() + " is not in the cloud)"));
        }
        if (step instanceof Step.Orphan orphan) {
            return of(
                    PlanAction.ORPHAN,
                    "removed from the manifests with " + orphan.why() + ": left in the cloud, no longer managed");
        }
        if (step instanceof Step.Wait wait) {
            return of(PlanAction.UNKNOWN, "the operator waits: " + wait.message());
        }
        if (step instanceof Step.Unsupported unsupported) {
            return of(PlanAction.UNSUPPORTED, unsupported.feature() + ": " + unsupported.consequence() + when);
        }
        if (step instanceof Step.Unknown unknown) {
            return of(PlanAction.UNKNOWN, unknown.what());
        }
        // The activation Secret's writes: the create and reset lines say where the data goes.
        return Optional.empty();
    }

    private static String link(HasMetadata object, Step.Link link) {
        if (link.systemId() == null || link.siteId() == null) {
            String pbx = object instanceof PbxShare share
                    ? share.getSpec().getPbxRef().getName()
                    : object.getMetadata().getName();
            return "link Pbx/" + pbx + " to the site of Company/" + link.companyName()
                    + " once both exist in the cloud";
        }
        return object instanceof PbxShare
                ? "link system " + link.systemId() + " to site " + link.siteId() + " of Company/" + link.companyName()
                : "link system " + link.systemId() + " to the site of Company/" + link.companyName();
    }

    private static String reset(HasMetadata object, Step.Reset reset) {
        if (reset.token() == null) {
            return "reset the connection before removing the equipment";
        }
        String secret = object instanceof Pbx pbx ? "Secret " + pbx.activationSecretName() : "its activation Secret";
        String consequence = ": the PBX is disconnected, a new activation code goes to " + secret
                + ", and the PBX is Pending until the code is entered again";
        if (reset.systemId() == null) {
            return "right after it is declared, for resetToken \"" + reset.token() + "\"" + consequence;
        }
        String before = reset.previousToken();
        return "resetToken "
                + (before == null || before.isEmpty()
                        ? "set to \"" + reset.token() + "\""
                        : "changed from \"" + before + "\" to \"" + reset.token() + "\"")
                + consequence;
    }

    private static Optional<PlanStep> create(String what, List<FieldChange> fields) {
        return Optional.of(new PlanStep(PlanAction.CREATE, what, fields));
    }

    private static Optional<PlanStep> of(PlanAction action, String summary) {
        return Optional.of(PlanStep.of(action, summary));
    }
}
