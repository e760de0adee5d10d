package io.pbxops.operator.reconcile.pbx;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.ActivationMode;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.PbxSpec;
import io.pbxops.operator.api.PbxStatus;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.cloud.model.ConnectionEvent;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.mapping.Changes;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudLookups;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.Outcome;
import io.pbxops.operator.reconcile.Reasons;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.validation.FleetProblem;
import io.pbxops.operator.validation.FleetRules;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.operator.validation.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Pbx: its system in the cloud (declared in the owner company's site, or at reseller level when shared), its
 * activation data in a Secret it owns, the activation entered on the PBX itself when a management endpoint is given,
 * a reset exactly once per new reset token, and on deletion the documents' order: reset, remove the WebRTC gateways,
 * remove the equipment.
 */
@ControllerConfiguration(name = "pbx")
public class PbxReconciler extends CloudReconciler<Pbx, PbxStatus> implements Cleaner<Pbx> {

    /** {@code <fleet reference>-<installation reference>}, e.g. ALE12-1234.5678.90 (seed 001). */
    static final Pattern FLEET_EQUIPMENT_ID = Pattern.compile("^[A-Z0-9]{2,10}-[0-9]{4}\\.[0-9]{4}\\.[0-9]{2}$");

    static final String COMPANIES = "company-of-pbx";
    static final String PLANS = "plan-of-pbx";
    static final String SHARES = "share-of-pbx";
    static final String SECRETS = "secret-of-pbx";

    /** A person types the code into OMC: minutes, not seconds; look less often. */
    static final int INSTALLER_RECHECK_FACTOR = 6;

    private final PbxEndpointPort endpoints;
    private final ActivationSecrets activationSecrets;
    private final EndpointStep endpointStep;

    public PbxReconciler(
            ReconcileSupport support,
            CloudPort cloud,
            PbxEndpointPort endpoints,
            CloudLedger ledger,
            DriftTrigger<Pbx> drift) {
        super(support, cloud, ledger, drift);
        this.endpoints = endpoints;
        this.activationSecrets = new ActivationSecrets(support.client());
        this.endpointStep = new EndpointStep(endpoints);
    }

    @Override
    public List<EventSource<?, Pbx>> prepareEventSources(EventSourceContext<Pbx> context) {
        return List.of(
                ReferenceIndex.referencedBy(
                        Company.class,
                        context,
                        COMPANIES,
                        pbx -> pbx.getSpec() == null
                                        || pbx.getSpec().isSharedPbx()
                                        || pbx.getSpec().getCompanyRef() == null
                                ? Optional.empty()
                                : Optional.of(pbx.getSpec().getCompanyRef().getName())),
                ReferenceIndex.referencedBy(
                        NumberingPlan.class,
                        context,
                        PLANS,
                        pbx -> pbx.getSpec() == null || pbx.getSpec().getNumberingPlanRef() == null
                                ? Optional.empty()
                                : Optional.of(
                                        pbx.getSpec().getNumberingPlanRef().getName())),
                ReferenceIndex.referencing(
                        PbxShare.class,
                        context,
                        SHARES,
                        share -> share.getSpec() == null || share.getSpec().getPbxRef() == null
                                ? Optional.empty()
                                : Optional.of(share.getSpec().getPbxRef().getName())),
                ReferenceIndex.waking(
                        Secret.class,
                        context,
                        SECRETS,
                        secret -> context.getPrimaryCache()
                                .list(
                                        secret.getMetadata().getNamespace(),
                                        pbx -> secretNames(pbx)
                                                .contains(secret.getMetadata().getName()))
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet())),
                drift.eventSource());
    }

    @Override
    protected PbxStatus newStatus() {
        return new PbxStatus();
    }

    @Override
    protected Outcome sync(Pbx pbx, Context<Pbx> context) {
        Optional<Outcome> invalid = invalid(pbx);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        PbxSpec spec = pbx.getSpec();
        String namespace = pbx.getMetadata().getNamespace();

        Company owner = null;
        if (!spec.isSharedPbx()) {
            Optional<Company> company = ReferenceIndex.lookup(
                    context,
                    Company.class,
                    COMPANIES,
                    namespace,
                    spec.getCompanyRef().getName());
            if (company.isEmpty()) {
                return Outcome.waitingFor(
                        Conditions.Ready.DEPENDENCY_NOT_FOUND,
                        "Company " + spec.getCompanyRef().getName() + " does not exist in namespace " + namespace
                                + "; the PBX is declared in the cloud once it does");
            }
            owner = company.get();
            if (owner.getStatus() == null || owner.getStatus().getSiteId() == null) {
                return Outcome.waitingFor(
                        Reasons.DEPENDENCY_NOT_READY,
                        "waiting for Company " + owner.getMetadata().getName()
                                + " and its site to be created in the cloud");
            }
        }
        NumberingPlan plan = null;
        if (spec.getNumberingPlanRef() != null) {
            Optional<NumberingPlan> found = ReferenceIndex.lookup(
                    context,
                    NumberingPlan.class,
                    PLANS,
                    namespace,
                    spec.getNumberingPlanRef().getName());
            if (found.isEmpty()) {
                return Outcome.waitingFor(
                        Conditions.Ready.DEPENDENCY_NOT_FOUND,
                        "NumberingPlan " + spec.getNumberingPlanRef().getName() + " does not exist in namespace "
                                + namespace);
            }
            plan = found.get();
            List<Problem> planProblems = ObjectValidator.get().validate(plan);
            if (!planProblems.isEmpty()) {
                return Outcome.waitingFor(
                        Reasons.DEPENDENCY_NOT_READY,
                        "NumberingPlan " + plan.getMetadata().getName() + " is invalid (" + planProblems.get(0)
                                + "): its rules are not pushed until it is fixed");
            }
        }
        List<FleetProblem> conflicts = FleetRules.checkPbx(
                pbx,
                CacheFleetView.empty()
                        .withPbxs(() -> context.getPrimaryCache().list().toList())
                        .withCompanies(() -> ReferenceIndex.list(context, Company.class, COMPANIES))
                        .withPlans(() -> ReferenceIndex.list(context, NumberingPlan.class, PLANS)));
        for (FleetProblem conflict : conflicts) {
            if (conflict.severity() != FleetProblem.Severity.MISSING_REFERENCE) {
                return Outcome.of(conflict);
            }
        }
        EndpointStep.Target endpoint = null;
        if (spec.getEndpoint() != null) {
            Optional<EndpointStep.Target> target = EndpointStep.target(
                    pbx, name -> ReferenceIndex.lookup(context, Secret.class, SECRETS, namespace, name));
            if (target.isEmpty()) {
                return Outcome.waitingFor(
                        Conditions.Ready.DEPENDENCY_NOT_FOUND,
                        EndpointStep.missingSecretsMessage(
                                pbx, name -> ReferenceIndex.lookup(context, Secret.class, SECRETS, namespace, name)));
            }
            endpoint = target.get();
        }

        String ownerSite = owner == null ? null : owner.getStatus().getSiteId();
        String fingerprint = CloudLedger.hash(Arrays.asList(
                spec,
                ExternalIds.of(pbx),
                ownerSite,
                plan == null ? null : plan.getSpec().getRules(),
                linkedShares(context, pbx),
                endpoint == null ? null : endpoint.fingerprint()));
        if (unchanged(ledger, pbx, fingerprint) && pbx.getStatus().getSystemId() != null) {
            return Outcome.UNCHANGED;
        }

        PbxStatus status = pbx.getStatus();
        boolean created = false;
        CloudSystem system = observe(pbx, ownerSite);
        if (system == null) {
            system = cloud.systems().create(SystemMapping.newSystem(pbx, plan, ownerSite));
            ExternalIds.record(support, pbx, system.id());
            created = true;
            support.events()
                    .normal(
                            pbx,
                            "Created",
                            "declared system " + system.id() + " "
                                    + (ownerSite == null ? "at reseller level" : "in site " + ownerSite)
                                    + "; its activation data is in Secret "
                                    + ActivationSecrets.name(pbx));
        } else {
            Changes<SystemSettings> changes = SystemMapping.diff(system, pbx, plan);
            if (!changes.isEmpty()) {
                system = cloud.systems().update(system.id(), changes.update());
                support.events().normal(pbx, "Updated", "updated system " + system.id() + ": " + changes.describe());
            }
        }
        if (ownerSite != null && !system.isLinkedTo(ownerSite)) {
            system = cloud.systems().link(ownerSite, system.id());
            support.events()
                    .normal(
                            pbx,
                            "Linked",
                            "linked system " + system.id() + " to the site " + ownerSite + " of its company");
        }
        status.setSystemId(system.id());
        // A fleet PBX's equipment ID is also its activation code: it stays in the Secret only. Judged from the cloud's
        // value, so that an adopted fleet PBX declared without its references is covered too.
        status.setEquipmentId(FLEET_EQUIPMENT_ID.matcher(system.pbxId()).matches() ? null : system.pbxId());
        status.setActivationSecretName(ActivationSecrets.name(pbx));

        boolean reset = false;
        if (resetRequested(pbx)) {
            system = resetOnce(pbx, system);
            reset = true;
        }
        if (!CloudSystem.STATUS_ACTIVATED.equals(system.status()) && system.jidPbxagentPassword() != null) {
            // While Pending the cloud shows the activation code: keep the Secret in step with it.
            if (activationSecrets.write(pbx, system.pbxId(), system.jidPbxagentPassword()) && !created && !reset) {
                support.events()
                        .normal(
                                pbx,
                                "ActivationSecretUpdated",
                                "wrote the equipment ID and activation code to Secret " + ActivationSecrets.name(pbx));
            }
        } else {
            activationSecrets.write(pbx, system.pbxId(), null);
        }

        EndpointState pbxSide = null;
        if (endpoint != null && !CloudSystem.STATUS_ACTIVATED.equals(system.status())) {
            String code = activationSecrets
                    .read(pbx)
                    .map(values -> values.get(ActivationSecrets.ACTIVATION_CODE))
                    .orElse(null);
            pbxSide = endpointStep.enter(endpoint, system, code, created || reset);
            if (!pbxSide.changes().isEmpty()) {
                support.events()
                        .normal(
                                pbx,
                                "PbxConfigured",
                                "on the PBX through O2G: " + String.join("; ", pbxSide.changes()));
            }
        }

        CloudSystemState state = CloudSystem.STATUS_ACTIVATED.equals(system.status())
                ? cloud.systems().connection(system.id())
                : null;
        ConnectionState connection = SystemMapping.connection(system, state);
        ConnectionState before = status.getConnection();
        status.setCloudStatus(system.status());
        status.setConnection(connection);
        status.setCompanies(system.siteId() == null ? 0 : system.siteId().size());
        status.setSecretIdentityActive(
                system.xPbxOps() == null ? null : system.xPbxOps().secretIdentityActive());
        if (before != connection && before != null) {
            support.events().normal(pbx, "Connection" + connection, "the PBX is now " + connection);
        }
        setConnected(pbx, connection, state);

        Outcome outcome = outcome(pbx, system, connection, state, pbxSide);
        if (connection == ConnectionState.Running) {
            ledger.applied(key(pbx), fingerprint, system.id(), SystemMapping.signature(system));
        } else {
            ledger.forget(key(pbx));
        }
        return outcome;
    }

    private CloudSystem observe(Pbx pbx, String ownerSite) {
        String knownId = ExternalIds.orElse(ExternalIds.of(pbx), pbx.getStatus().getSystemId());
        CloudLookups.Found<CloudSystem> found = lookups.system(knownId, pbx, ownerSite);
        if (found.knownIdMissing()) {
            support.events()
                    .warning(
                            pbx,
                            "CloudObjectMissing",
                            "system " + knownId + " is not in the cloud any more; declaring it again");
        }
        if (found.object().isPresent() && !found.object().get().id().equals(ExternalIds.of(pbx))) {
            ExternalIds.record(support, pbx, found.object().get().id());
            support.events()
                    .normal(
                            pbx,
                            "Adopted",
                            "adopted the existing system "
                                    + found.object().get().id());
        }
        return found.object().orElse(null);
    }

    private static boolean resetRequested(Pbx pbx) {
        String token = pbx.getSpec().getResetToken();
        return token != null
                && !token.isEmpty()
                && !token.equals(pbx.getStatus().getLastResetToken());
    }

    /**
     * Resets exactly once per token: the intent is recorded in the status before the call, and after a crash the
     * cloud's connection history tells whether the call was made.
     */
    private CloudSystem resetOnce(Pbx pbx, CloudSystem system) {
        String token = pbx.getSpec().getResetToken();
        PbxStatus status = pbx.getStatus();
        ResetIntent intent = ResetIntent.of(status);
        if (intent != null && intent.token().equals(token) && resetSince(system.id(), intent.since())) {
            system = cloud.systems().observeWithHistory(system.id()).orElse(system);
        } else {
            Instant since = Instant.now(support.clock()).truncatedTo(ChronoUnit.SECONDS);
            ResetIntent.record(support, pbx, token, since);
            system = cloud.systems().reset(system.id());
        }
        activationSecrets.write(pbx, system.pbxId(), system.jidPbxagentPassword());
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
        return system;
    }

    private boolean resetSince(String systemId, Instant since) {
        return cloud
                .systems()
                .observeWithHistory(systemId)
                .map(CloudSystem::connectionHistory)
                .orElse(List.of())
                .stream()
                .filter(event -> "reset".equals(event.eventType()))
                .map(ConnectionEvent::eventDate)
                .anyMatch(date -> date != null && !date.isBefore(since));
    }

    private void setConnected(Pbx pbx, ConnectionState connection, CloudSystemState state) {
        long generation = Objects.requireNonNullElse(pbx.getMetadata().getGeneration(), 0L);
        String message = switch (connection) {
            case Running -> "connected to the cloud, every channel up";
            case Pending -> "declared in the cloud, no PBX connected yet";
            case Degraded -> "connected, but " + downChannels(state) + " down";
        };
        support.conditions()
                .set(
                        pbx.getStatus(),
                        generation,
                        Conditions.CONNECTED,
                        connection == ConnectionState.Running,
                        connection.name(),
                        message);
    }

    private Outcome outcome(
            Pbx pbx, CloudSystem system, ConnectionState connection, CloudSystemState state, EndpointState pbxSide) {
        Duration recheck = support.settings().pendingRecheck();
        return switch (connection) {
            case Running -> Outcome.available("system " + system.id() + " connected, every channel up");
            case Degraded ->
                Outcome.progressing(
                        Conditions.Ready.UNAVAILABLE,
                        "system " + system.id() + " is connected but " + downChannels(state) + " down",
                        recheck);
            case Pending ->
                Outcome.progressing(
                        Conditions.Ready.AWAITING_ACTIVATION,
                        pendingMessage(pbx, system, pbxSide),
                        waitsForAPerson(pbx, pbxSide) ? recheck.multipliedBy(INSTALLER_RECHECK_FACTOR) : recheck);
        };
    }

    private static boolean waitsForAPerson(Pbx pbx, EndpointState pbxSide) {
        return pbxSide == null && pbx.getSpec().effectiveActivationMode() != ActivationMode.Fleet;
    }

    private static String pendingMessage(Pbx pbx, CloudSystem system, EndpointState pbxSide) {
        String secret = ActivationSecrets.name(pbx);
        if (pbxSide != null) {
            return "the activation data was entered on the PBX through its O2G endpoint; waiting for it to connect (PBX says: "
                    + pbxSide.connectionStatus() + ")";
        }
        if (pbx.getSpec().effectiveActivationMode() == ActivationMode.Fleet) {
            return "fleet PBX (fleet reference " + pbx.getSpec().getActivation().getFleetReference()
                    + "): it fills in its Rainbow parameters and connects by itself once "
                    + "installed and powered on; nothing is entered on it";
        }
        return "waiting for the installer: enter the equipment ID and activation code of Secret " + secret
                + " on the PBX (OMC: Cloud > Rainbow: tick Rainbow enabled, PABX-ID, activation code, domain openrainbow.com)";
    }

    private static String downChannels(CloudSystemState state) {
        if (state == null) {
            return "the connection is";
        }
        List<String> down = new ArrayList<>();
        if ("down".equals(state.xmpp())) {
            down.add("xmpp");
        }
        if ("down".equals(state.conf())) {
            down.add("conf");
        }
        if ("down".equals(state.csta())) {
            down.add("csta");
        }
        if ("down".equals(state.http())) {
            down.add("http");
        }
        return down.isEmpty()
                ? "the connection is"
                : "channel " + String.join(", ", down) + (down.size() == 1 ? " is" : " are");
    }

    /** The PbxShares of this Pbx that are linked: the Pbx's company count follows them. */
    private static List<String> linkedShares(Context<Pbx> context, Pbx pbx) {
        return ReferenceIndex.list(context, PbxShare.class, SHARES).stream()
                .filter(share -> Objects.equals(
                        share.getMetadata().getNamespace(), pbx.getMetadata().getNamespace()))
                .filter(share -> share.getSpec() != null
                        && share.getSpec().getPbxRef() != null
                        && pbx.getMetadata()
                                .getName()
                                .equals(share.getSpec().getPbxRef().getName()))
                .filter(share -> share.getStatus() != null
                        && Boolean.TRUE.equals(share.getStatus().getLinked()))
                .map(share -> share.getMetadata().getName())
                .sorted()
                .toList();
    }

    static Set<String> secretNames(Pbx pbx) {
        if (pbx.getSpec() == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        names.add(ActivationSecrets.name(pbx));
        if (pbx.getSpec().getEndpoint() != null && pbx.getSpec().getEndpoint().getCredentialsSecretRef() != null) {
            names.add(pbx.getSpec().getEndpoint().getCredentialsSecretRef().getName());
        }
        if (pbx.getSpec().getNetwork() != null
                && pbx.getSpec().getNetwork().getProxy() != null
                && pbx.getSpec().getNetwork().getProxy().getCredentialsSecretRef() != null) {
            names.add(pbx.getSpec()
                    .getNetwork()
                    .getProxy()
                    .getCredentialsSecretRef()
                    .getName());
        }
        return names;
    }

    @Override
    public DeleteControl cleanup(Pbx pbx, Context<Pbx> context) {
        return cleanupWith(pbx, pbx.getSpec().effectiveDeletionPolicy(), p -> deleteInCloud(p, context));
    }

    /** The documents' order: reset the connection, remove the WebRTC gateways, remove the equipment. */
    private Duration deleteInCloud(Pbx pbx, Context<Pbx> context) {
        ledger.forget(key(pbx));
        PbxStatus status = Objects.requireNonNullElseGet(pbx.getStatus(), PbxStatus::new);
        String systemId = ExternalIds.orElse(ExternalIds.of(pbx), status.getSystemId());
        if (systemId == null) {
            return null; // never declared in the cloud
        }
        Optional<CloudSystem> system = cloud.systems().observe(systemId, null, null, null);
        if (system.isEmpty()) {
            activationSecrets.delete(pbx);
            return null;
        }
        if (!CloudSystem.STATUS_CREATED.equals(system.get().status())) {
            cloud.systems().reset(systemId);
            support.events().normal(pbx, "Reset", "reset the PBX connection before removing the equipment");
        }
        for (CloudMediaPillar gateway : cloud.gateways().listBySystem(systemId).toList()) {
            if (cloud.gateways().delete(gateway.id())) {
                support.events()
                        .normal(pbx, "GatewayRemoved", "removed WebRTC gateway " + gateway.pbxId() + " of the PBX");
            }
        }
        if (pbx.getSpec().getEndpoint() != null) {
            EndpointStep.target(
                            pbx,
                            name -> ReferenceIndex.lookup(
                                    context,
                                    Secret.class,
                                    SECRETS,
                                    pbx.getMetadata().getNamespace(),
                                    name))
                    .ifPresent(endpointStep::disable);
        }
        if (cloud.systems().delete(systemId)) {
            support.events().normal(pbx, "Deleted", "removed the equipment (system " + systemId + ") from the cloud");
        }
        activationSecrets.delete(pbx);
        return null;
    }
}
