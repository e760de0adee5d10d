package io.pbxops.operator.reconcile.pbx;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.Labels;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.PbxSpec;
import io.pbxops.operator.api.PbxStatus;
import io.pbxops.operator.cloud.CloudNotFoundException;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.decision.Decision;
import io.pbxops.operator.decision.DecisionContext;
import io.pbxops.operator.decision.Observed;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.decision.PbxDecision;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.reconcile.CacheFleetView;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudOwners;
import io.pbxops.operator.reconcile.CloudReconciler;
import io.pbxops.operator.reconcile.CloudSignatures;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.ExternalIds;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.reconcile.Resolution;
import io.pbxops.operator.validation.FleetProblem;
import io.pbxops.operator.validation.FleetRules;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.operator.validation.Problem;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Pbx: its system in the cloud (declared in the owner company's site, or at reseller level when shared), its
 * activation data in a Secret it owns, the activation entered on the PBX itself when a management endpoint is given,
 * a reset exactly once per new reset token, and on deletion the documents' order: reset, remove the WebRTC gateways,
 * remove the equipment.
 */
@ControllerConfiguration(name = "pbx")
public class PbxReconciler extends CloudReconciler<Pbx, PbxStatus> implements Cleaner<Pbx> {

    static final String COMPANIES = "company-of-pbx";
    static final String PLANS = "plan-of-pbx";
    static final String SHARES = "share-of-pbx";
    static final String SECRETS = "secret-of-pbx";

    private static final Logger LOG = LoggerFactory.getLogger(PbxReconciler.class);

    private final ActivationSecrets activationSecrets;
    /** The unlabelled Secrets already said (once each per process). */
    private final Set<String> unlabelledSeen = ConcurrentHashMap.newKeySet();

    private final PbxEndpointPort endpoints;
    private final PbxExecutor executor;
    private final CloudOwners systemOwners;

    public PbxReconciler(
            ReconcileSupport support,
            CloudPort cloud,
            PbxEndpointPort endpoints,
            CloudLedger ledger,
            DriftTrigger<Pbx> drift,
            CloudOwners systemOwners) {
        super(support, cloud, ledger, drift);
        this.systemOwners = systemOwners;
        this.activationSecrets = new ActivationSecrets(support.client());
        this.endpoints = endpoints;
        this.executor = new PbxExecutor(support, cloud, endpoints, activationSecrets);
    }

    @Override
    public List<EventSource<?, Pbx>> prepareEventSources(EventSourceContext<Pbx> context) {
        claims.register(context);
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
                ReferenceIndex.wakingLabelled(
                        Secret.class,
                        context,
                        SECRETS,
                        Labels.SECRET,
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
        Resolution<Inputs> resolution = resolve(pbx, context);
        if (!resolution.resolved()) {
            return resolution.waiting();
        }
        Inputs resolved = resolution.desired();
        PbxDecision.Desired desired = resolved.desired();
        String fingerprint = CloudLedger.hash(Arrays.asList(
                pbx.getSpec(),
                ExternalIds.of(pbx),
                desired.owner() == null ? null : desired.owner().siteId(),
                desired.plan() == null ? null : desired.plan().getSpec().getRules(),
                linkedShares(context, pbx),
                resolved.endpoint() == null ? null : resolved.endpoint().fingerprint()));
        if (unchanged(ledger, pbx, fingerprint) && pbx.getStatus().getSystemId() != null) {
            return Outcome.UNCHANGED;
        }
        PbxDecision.ResetMemory memory = memory(pbx.getStatus());
        PbxDecision.Observation observed = observe(pbx, resolved, memory);
        DecisionContext decisionContext = decisionContext(
                pbx,
                context,
                observed.system()
                        .object()
                        .map(s -> List.of(CloudRef.system(s.id())))
                        .orElse(List.of()));
        Decision<PbxDecision.View> decision = PbxDecision.decide(desired, observed, memory, decisionContext);
        PbxExecutor.Result after =
                executor.run(pbx, resolved.endpoint(), decision.steps(), observed, memory, ref -> false);
        Decision<PbxDecision.View> settled =
                PbxDecision.decide(desired, after.observation(), after.memory(), decisionContext);
        Set<String> notKept = PbxDecision.notKept(decision.steps(), settled.steps());
        if (!notKept.isEmpty()) {
            // Written, and not in the cloud's answer: reported once, and not sent again until the spec changes.
            support.events()
                    .warning(
                            pbx,
                            "SettingsNotKept",
                            "the cloud did not keep " + String.join(", ", notKept)
                                    + ": they are not sent again until the spec changes");
            Set<String> all = new TreeSet<>(desired.notKept());
            all.addAll(notKept);
            desired = new PbxDecision.Desired(desired.pbx(), desired.plan(), desired.owner(), desired.endpoint(), all);
            settled = PbxDecision.decide(desired, after.observation(), after.memory(), decisionContext);
        }
        show(pbx, desired, settled.view());
        if (settled.view().connection() == ConnectionState.Running) {
            CloudSystem system = after.observation().system().get();
            String ownerSite = desired.owner() == null ? null : desired.owner().siteId();
            ledger.applied(
                    id(pbx),
                    fingerprint,
                    ownerSite == null
                            ? Map.ofEntries(CloudSignatures.of(system))
                            : Map.ofEntries(CloudSignatures.of(system), CloudSignatures.link(system.id(), ownerSite)));
        } else {
            ledger.forget(id(pbx));
        }
        return settled.outcome();
    }

    /**
     * The Pbx's desired state with its references resolved (owner company and its site, numbering plan), and its
     * management endpoint with the Secrets it names.
     */
    private record Inputs(PbxDecision.Desired desired, EndpointTargets.Resolved endpoint) {}

    private Resolution<Inputs> resolve(Pbx pbx, Context<Pbx> context) {
        PbxSpec spec = pbx.getSpec();
        String namespace = pbx.getMetadata().getNamespace();
        PbxDecision.Owner owner = null;
        if (!spec.isSharedPbx()) {
            String companyName = spec.getCompanyRef().getName();
            Optional<Company> company =
                    ReferenceIndex.lookup(context, Company.class, COMPANIES, namespace, companyName);
            if (company.isEmpty()) {
                return waitingFor(
                        Conditions.Ready.DEPENDENCY_NOT_FOUND,
                        "Company " + companyName + " does not exist in namespace " + namespace
                                + "; the PBX is declared in the cloud once it does");
            }
            if (company.get().getStatus() == null || company.get().getStatus().getSiteId() == null) {
                return waitingFor(
                        Conditions.Ready.DEPENDENCY_NOT_READY,
                        "waiting for Company " + companyName + " and its site to be created in the cloud");
            }
            owner = new PbxDecision.Owner(companyName, company.get().getStatus().getSiteId());
        }
        NumberingPlan plan = null;
        if (spec.getNumberingPlanRef() != null) {
            String planName = spec.getNumberingPlanRef().getName();
            Optional<NumberingPlan> found =
                    ReferenceIndex.lookup(context, NumberingPlan.class, PLANS, namespace, planName);
            if (found.isEmpty()) {
                return waitingFor(
                        Conditions.Ready.DEPENDENCY_NOT_FOUND,
                        "NumberingPlan " + planName + " does not exist in namespace " + namespace);
            }
            List<Problem> planProblems = ObjectValidator.get().validate(found.get());
            if (!planProblems.isEmpty()) {
                return waitingFor(
                        Conditions.Ready.DEPENDENCY_NOT_READY,
                        "NumberingPlan " + planName + " is invalid (" + planProblems.get(0)
                                + "): its rules are not pushed until it is fixed");
            }
            plan = found.get();
        }
        List<FleetProblem> conflicts = FleetRules.checkPbx(
                pbx,
                CacheFleetView.empty()
                        .withPbxs(() -> context.getPrimaryCache().list().toList())
                        .withCompanies(() -> ReferenceIndex.list(context, Company.class, COMPANIES))
                        .withPlans(() -> ReferenceIndex.list(context, NumberingPlan.class, PLANS)));
        for (FleetProblem conflict : conflicts) {
            if (conflict.severity() != FleetProblem.Severity.MISSING_REFERENCE) {
                return Resolution.waiting(Outcome.of(conflict));
            }
        }
        EndpointTargets.Resolved endpoint = null;
        if (spec.getEndpoint() != null) {
            EndpointTargets.Resolution resolution = EndpointTargets.resolve(pbx, secrets(context, namespace));
            if (resolution.resolved().isEmpty()) {
                return waitingFor(Conditions.Ready.DEPENDENCY_NOT_FOUND, resolution.missing());
            }
            endpoint = resolution.resolved().get();
        }
        return Resolution.of(new Inputs(
                new PbxDecision.Desired(pbx, plan, owner, endpoint == null ? null : endpoint.intent(), notKept(pbx)),
                endpoint));
    }

    private static Resolution<Inputs> waitingFor(String reason, String message) {
        return Resolution.waiting(Outcome.waitingFor(reason, message));
    }

    /**
     * The Secrets a Pbx names: from the informer, which holds the labelled ones only ({@link Labels#SECRET}); an
     * unlabelled one is read by name (its edits are not noticed until the next reconcile), and said once.
     */
    private EndpointTargets.SecretSource secrets(Context<Pbx> context, String namespace) {
        return name -> ReferenceIndex.lookup(context, Secret.class, SECRETS, namespace, name)
                .or(() -> unlabelled(namespace, name))
                .map(secret -> new EndpointTargets.SecretData(
                        ActivationSecrets.decode(secret), secret.getMetadata().getResourceVersion()));
    }

    private Optional<Secret> unlabelled(String namespace, String name) {
        Optional<Secret> secret = Optional.ofNullable(
                support.client().secrets().inNamespace(namespace).withName(name).get());
        if (secret.isPresent() && unlabelledSeen.add(namespace + "/" + name)) {
            LOG.warn(
                    "Secret {}/{} has no label {}: it is read, but its changes are noticed only at the next reconcile; "
                            + "label it {}={}",
                    namespace,
                    name,
                    Labels.SECRET,
                    Labels.SECRET,
                    Labels.SECRET_CREDENTIALS);
        }
        return secret;
    }

    /** The extension groups the cloud did not keep for this generation of the spec (none once the spec changes). */
    private static Set<String> notKept(Pbx pbx) {
        PbxStatus status = pbx.getStatus();
        return status != null
                        && status.getSettingsNotKept() != null
                        && Objects.equals(
                                status.getSettingsNotKeptGeneration(),
                                pbx.getMetadata().getGeneration())
                ? Set.copyOf(status.getSettingsNotKept())
                : Set.of();
    }

    private static PbxDecision.ResetMemory memory(PbxStatus status) {
        return PbxDecision.ResetMemory.of(
                status.getLastResetToken(),
                status.getPendingResetToken(),
                status.getPendingResetSince() == null ? null : Instant.parse(status.getPendingResetSince()));
    }

    /**
     * The system (by the ID known for it, else by its natural key; with its history when a reset intent is pending),
     * its channels once activated, the PBX side when the decision needs it, and the activation Secret.
     */
    private PbxDecision.Observation observe(Pbx pbx, Inputs resolved, PbxDecision.ResetMemory memory) {
        PbxDecision.Desired desired = resolved.desired();
        String knownId = ExternalIds.orElse(ExternalIds.of(pbx), pbx.getStatus().getSystemId());
        Observed<CloudSystem> system = lookups.system(
                knownId, pbx, desired.owner() == null ? null : desired.owner().siteId());
        if (system.missingId() != null) {
            support.events()
                    .warning(
                            pbx,
                            "CloudObjectMissing",
                            "system " + system.missingId() + " is not in the cloud any more; declaring it again");
        }
        if (system.present() && PbxDecision.needsHistory(desired, memory)) {
            system = new Observed<>(
                    cloud.systems().observeWithHistory(system.get().id()).or(system::object), system.missingId());
        }
        CloudSystem found = system.object().orElse(null);
        CloudSystemState state = found != null && CloudSystem.STATUS_ACTIVATED.equals(found.status())
                ? cloud.systems().connection(found.id())
                : null;
        PbxDecision.PbxSide pbxSide = PbxDecision.needsPbxSide(desired, found, memory)
                ? new PbxDecision.PbxSide.Read(
                        endpoints.observe(resolved.endpoint().target()))
                : new PbxDecision.PbxSide.NotRead("not needed");
        return new PbxDecision.Observation(
                system, state, pbxSide, PbxExecutor.secretContent(activationSecrets.read(pbx)));
    }

    /** The kind's status fields and its Connected condition; an event when the connection changes. */
    private void show(Pbx pbx, PbxDecision.Desired desired, PbxDecision.View view) {
        PbxStatus status = pbx.getStatus();
        ConnectionState before = status.getConnection();
        status.setSystemId(view.systemId());
        if (view.systemId() != null) {
            systemOwners.stands(view.systemId(), id(pbx));
        }
        status.setEquipmentId(view.equipmentId());
        status.setActivationSecretName(desired.secretName());
        status.setCloudStatus(view.cloudStatus());
        status.setConnection(view.connection());
        status.setCompanies(view.companies());
        status.setSecretIdentityActive(view.secretIdentityActive());
        if (view.runbook() != null) {
            status.setRunbook(view.runbook().isEmpty() ? null : view.runbook());
        }
        status.setSettingsNotKept(
                desired.notKept().isEmpty()
                        ? null
                        : desired.notKept().stream().sorted().toList());
        status.setSettingsNotKeptGeneration(
                desired.notKept().isEmpty() ? null : pbx.getMetadata().getGeneration());
        if (view.connection() == null) {
            return;
        }
        if (before != null && before != view.connection()) {
            support.events().normal(pbx, "Connection" + view.connection(), "the PBX is now " + view.connection());
        }
        support.conditions()
                .set(
                        status,
                        Objects.requireNonNullElse(pbx.getMetadata().getGeneration(), 0L),
                        Conditions.CONNECTED,
                        view.connection() == ConnectionState.Running,
                        view.connection().name(),
                        view.connectedMessage());
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

    /** The system's gateways, where this cloud serves their administration (else none are listed, nor removed). */
    private List<CloudMediaPillar> gatewaysOf(CloudSystem system) {
        if (!support.capabilities().snapshot().gatewayAdministration()) {
            return List.of();
        }
        try {
            return cloud.gateways().listBySystem(system.id()).toList();
        } catch (CloudNotFoundException e) {
            support.capabilities().gatewaysNotFound();
            return List.of();
        }
    }

    @Override
    protected List<CloudRef> recorded(Pbx pbx) {
        return pbx.getStatus() == null || pbx.getStatus().getSystemId() == null
                ? List.of()
                : List.of(CloudRef.system(pbx.getStatus().getSystemId()));
    }

    /**
     * A fleet PBX is found by its equipment ID, a shared one by its name among the shared: keys every namespace can
     * claim. A company's PBX is found in its company's site, which its Company holds.
     */
    @Override
    protected List<String> naturalKeys(Pbx pbx) {
        if (pbx.getSpec() == null) {
            return List.of();
        }
        if (pbx.getSpec().fleetEquipmentId() != null) {
            return List.of("fleet:" + pbx.getSpec().fleetEquipmentId());
        }
        return pbx.getSpec().isSharedPbx() ? List.of("shared:" + SystemMapping.serverName(pbx)) : List.of();
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
        return cleanupWith(pbx, pbx.getSpec().effectiveDeletionPolicy(), context, p -> deleteInCloud(p, context));
    }

    /**
     * The system by the ID its status records (never by name, nor by an annotation it never acted on: a deletion
     * removes only what this object created or adopted).
     */
    private Decision<PbxDecision.View> deleteInCloud(Pbx pbx, Context<Pbx> context) {
        ledger.forget(id(pbx));
        systemOwners.gone(id(pbx));
        PbxStatus status = Objects.requireNonNullElseGet(pbx.getStatus(), PbxStatus::new);
        String systemId = status.getSystemId();
        Optional<CloudSystem> system =
                systemId == null ? Optional.empty() : cloud.systems().observe(systemId, null, null, null);
        List<CloudMediaPillar> gateways = system.isEmpty() ? List.of() : gatewaysOf(system.get());
        // Without its Secrets the PBX cannot be reached: it is left as it is (its system goes all the same).
        EndpointTargets.Resolved endpoint = pbx.getSpec().getEndpoint() == null
                ? null
                : EndpointTargets.resolve(
                                pbx, secrets(context, pbx.getMetadata().getNamespace()))
                        .resolved()
                        .orElse(null);
        PbxDecision.Desired desired =
                new PbxDecision.Desired(pbx, null, null, endpoint == null ? null : endpoint.intent());
        Decision<PbxDecision.View> decision = PbxDecision.decideDeletion(
                desired,
                new PbxDecision.DeletionObservation(systemId != null, system, gateways),
                deletionContext(pbx, context));
        PbxDecision.Observation observed = new PbxDecision.Observation(
                Observed.of(system.orElse(null)),
                null,
                new PbxDecision.PbxSide.NotRead("deleting"),
                PbxDecision.SecretContent.UNKNOWN);
        executor.run(pbx, endpoint, decision.steps(), observed, memory(status), mayDestroy(pbx, context));
        return decision;
    }
}
