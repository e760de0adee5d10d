package io.pbxops.operator.decision;

import io.pbxops.operator.api.ActivationMode;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.cloud.model.ConnectionEvent;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.mapping.Changes;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.mapping.FieldList;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.pbx.AgentStatus;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A Pbx: its system in the cloud (declared in the owner company's site, or at reseller level when shared), its
 * activation data in a Secret it owns, the activation entered on the PBX itself when a management endpoint is given,
 * a reset exactly once per new reset token, and on deletion the documents' order: reset, remove the WebRTC gateways,
 * remove the equipment.
 */
public final class PbxDecision {

    /** {@code <fleet reference>-<installation reference>}, e.g. ALE12-1234.5678.90: a fleet PBX's code too (docs/domain.md#fleet-activation). */
    static final Pattern FLEET_EQUIPMENT_ID = Pattern.compile("^[A-Z0-9]{2,10}-[0-9]{4}\\.[0-9]{4}\\.[0-9]{2}$");

    /** The Rainbow domain a PBX's agent connects to. */
    public static final String RAINBOW_DOMAIN = "openrainbow.com";

    /** What a PBX holds as far as the operator knows when it does not read it: nothing that can be kept. */
    private static final EndpointState NOTHING_HELD =
            new EndpointState(false, null, AgentStatus.NONE, null, null, null, true, List.of());

    /** A person types the code into OMC: minutes, not seconds; look less often. */
    static final int INSTALLER_RECHECK_FACTOR = 6;

    static final String EVENT_RESET = "reset";

    /**
     * The company a non-shared PBX belongs to.
     *
     * @param siteId its site in the cloud; null while it does not exist yet (a plan: the reconciler waits for it)
     */
    public record Owner(String companyName, String siteId) {}

    /**
     * The management endpoint, as the decision needs it.
     *
     * @param description "O2G https://o2g.acme.example", for people
     * @param network     the network prerequisites the spec asks for, or null
     */
    public record Endpoint(String description, EndpointSettings.Network network) {}

    /**
     * @param plan     the NumberingPlan it names, or null (rules not managed)
     * @param owner    null for a shared PBX
     * @param endpoint null when the spec has no management endpoint
     * @param notKept  the extension groups ({@code x-pbxops.ccd}, ...) the cloud did not keep when they were
     *                 written for this generation of the spec: not sent again until the spec changes
     */
    public record Desired(Pbx pbx, NumberingPlan plan, Owner owner, Endpoint endpoint, Set<String> notKept) {

        public Desired {
            notKept = Set.copyOf(notKept);
        }

        public Desired(Pbx pbx, NumberingPlan plan, Owner owner, Endpoint endpoint) {
            this(pbx, plan, owner, endpoint, Set.of());
        }

        public String secretName() {
            return pbx.activationSecretName();
        }
    }

    /** What was read of the PBX through its management endpoint. */
    public sealed interface PbxSide {

        /** Read: what it holds. */
        record Read(EndpointState state) implements PbxSide {}

        /** Not read (a plan without {@code --pbx-endpoints}, or no endpoint): why, for people. */
        record NotRead(String why) implements PbxSide {}

        /** It could not be read (a plan: the credentials are not among the manifests, the PBX did not answer). */
        record Unreadable(String why) implements PbxSide {}
    }

    /**
     * What the activation Secret holds.
     *
     * @param known false when it was not read (a plan: the operator writes it)
     */
    public record SecretContent(boolean known, String equipmentId, String activationCode) {

        public static final SecretContent UNKNOWN = new SecretContent(false, null, null);
        public static final SecretContent ABSENT = new SecretContent(true, null, null);

        public static SecretContent of(String equipmentId, String activationCode) {
            return new SecretContent(true, equipmentId, activationCode);
        }
    }

    /**
     * What the operator remembers of its resets (in the status).
     *
     * @param known          false for a plan, which reads no status: {@code lastToken} is then the token of the
     *                       manifests before the change (null: not given)
     * @param pendingToken   the token of a reset about to be made, recorded before its call
     * @param pendingSince   when that intent was recorded
     */
    public record ResetMemory(boolean known, String lastToken, String pendingToken, Instant pendingSince) {

        public static ResetMemory of(String lastToken, String pendingToken, Instant pendingSince) {
            return new ResetMemory(true, lastToken, pendingToken, pendingSince);
        }

        /** A plan's memory: the token of the manifests before the change, when they are given. */
        public static ResetMemory fromBase(boolean baseGiven, String baseToken) {
            return new ResetMemory(baseGiven, baseToken, null, null);
        }
    }

    /**
     * @param system  the system (with its connection history when a reset intent is pending)
     * @param state   the channels, read only when the system is activated; else null
     * @param pbxSide what the PBX holds, when {@link #needsPbxSide} says it is needed
     */
    public record Observation(
            Observed<CloudSystem> system, CloudSystemState state, PbxSide pbxSide, SecretContent secret) {}

    /**
     * What a deletion finds: the system by the ID known for it, and its gateways.
     *
     * @param declared the object knows a cloud ID (its annotation or status): it was declared in the cloud once
     */
    public record DeletionObservation(boolean declared, Optional<CloudSystem> system, List<CloudMediaPillar> gateways) {
        public DeletionObservation {
            gateways = List.copyOf(gateways);
        }
    }

    /**
     * The Pbx's own status fields and its Connected condition.
     *
     * @param equipmentId shown for a generated equipment ID only (a fleet one is the activation code)
     */
    public record View(
            String systemId,
            String equipmentId,
            String cloudStatus,
            ConnectionState connection,
            Integer companies,
            Boolean secretIdentityActive,
            String connectedMessage,
            List<String> runbook) {

        static final View NONE = new View(null, null, null, null, null, null, null, null);

        View withRunbook(List<String> value) {
            return new View(
                    systemId,
                    equipmentId,
                    cloudStatus,
                    connection,
                    companies,
                    secretIdentityActive,
                    connectedMessage,
                    value);
        }
    }

    private PbxDecision() {}

    /**
     * Whether the PBX side must be read for this decision: an endpoint, and a system the PBX has not presented its
     * code for yet ({@code created}) or one being reset. Not for a system still to be declared (the PBX is then
     * configured whole, {@link #configureWhole}), nor while it is {@code activating} (the agent presented the code:
     * the cloud finishes the activation) or activated.
     */
    public static boolean needsPbxSide(Desired desired, CloudSystem system, ResetMemory memory) {
        return desired.endpoint() != null
                && system != null
                && (CloudSystem.STATUS_CREATED.equals(system.status()) || resetRequested(desired, system, memory));
    }

    /** Whether the system must be read with its connection history: a reset intent of this token is pending. */
    public static boolean needsHistory(Desired desired, ResetMemory memory) {
        String token = desired.pbx().getSpec().getResetToken();
        return memory.pendingToken() != null && memory.pendingToken().equals(token);
    }

    public static Decision<View> decide(
            Desired desired, Observation observed, ResetMemory memory, DecisionContext context) {
        Pbx pbx = desired.pbx();
        if (context.claim().heldByAnother()) {
            return ClaimOutcomes.waiting(pbx, context, View.NONE);
        }
        List<Step> steps = new ArrayList<>();
        CloudSystem system = observed.system().object().orElse(null);
        String systemId = system == null ? null : system.id();
        if (system == null) {
            steps.add(new Step.CreateSystem(
                    SystemMapping.newSystem(
                            pbx,
                            desired.plan(),
                            desired.owner() == null ? null : desired.owner().siteId()),
                    desired.owner() == null
                            ? "at reseller level"
                            : "in the site of Company/" + desired.owner().companyName(),
                    desired.secretName(),
                    pbx.getSpec().fleetEquipmentId() != null));
        } else {
            Adoption.ifNew(
                    steps,
                    Annotations.externalId(pbx),
                    CloudRef.system(system.id()),
                    "system \"" + system.name() + "\"");
            Changes<SystemSettings> changes = SystemMapping.diff(system, pbx, desired.plan(), desired.notKept());
            if (!changes.isEmpty()) {
                steps.add(new Step.UpdateSystem(system.id(), changes));
            }
            Owner owner = desired.owner();
            if (owner != null && (owner.siteId() == null || !system.isLinkedTo(owner.siteId()))) {
                steps.add(new Step.Link(system.id(), owner.siteId(), owner.companyName()));
            }
        }
        boolean reset = reset(desired, system, memory, steps);
        boolean fresh = system == null || reset;
        if (fresh) {
            steps.add(new Step.PublishActivation(desired.secretName(), true));
        } else if (secretBehind(system, observed.secret())) {
            steps.add(new Step.PublishActivation(desired.secretName(), false));
        }
        if (system == null && desired.endpoint() != null) {
            steps.add(configureWhole(desired));
        } else if (needsPbxSide(desired, system, memory)) {
            pbxSideStep(desired, system, fresh, observed.pbxSide()).ifPresent(steps::add);
        }
        List<String> runbook = runbook(desired, observed.pbxSide());
        Outcome outcome = outcome(desired, system, observed, context);
        if (runbook != null && !runbook.isEmpty() && outcome.readyMessage() != null) {
            outcome = new Outcome(
                    outcome.ready(),
                    outcome.readyReason(),
                    outcome.readyMessage() + "; its network prerequisites are not reachable through "
                            + desired.endpoint().description() + ": enter them with netadmin (status.runbook)",
                    outcome.synced(),
                    outcome.syncedReason(),
                    outcome.syncedMessage(),
                    outcome.recheckAfter());
        }
        return new Decision<>(steps, outcome, view(system, observed.state()).withRunbook(runbook));
    }

    /**
     * The deletion, in the documents' order: reset the connection (unless it is Pending), remove the WebRTC
     * gateways, turn the PBX's agent off, remove the equipment, then the activation Secret.
     */
    public static Decision<View> decideDeletion(
            Desired desired, DeletionObservation observed, DecisionContext context) {
        Pbx pbx = desired.pbx();
        View view = observed.system().map(s -> view(s, null)).orElse(View.NONE);
        Optional<Step> orphan = Deletions.orphan(pbx, pbx.getSpec().effectiveDeletionPolicy());
        if (orphan.isPresent()) {
            return new Decision<>(
                    List.of(orphan.get()), Outcome.deleting("leaving the system in the cloud", null), view);
        }
        if (context.claim().heldByAnother()) {
            return Decision.none(ClaimOutcomes.notOurs(context.claim()), view);
        }
        if (!observed.declared()) {
            return Decision.none(Outcome.deleting("never declared in the cloud", null), view);
        }
        if (observed.system().isEmpty()) {
            return new Decision<>(
                    List.of(new Step.DeleteActivationSecret(desired.secretName())),
                    Outcome.deleting("the system is not in the cloud", null),
                    view);
        }
        CloudSystem system = observed.system().get();
        List<Step> steps = new ArrayList<>();
        if (!CloudSystem.STATUS_CREATED.equals(system.status())) {
            steps.add(new Step.Reset(system.id(), null, null));
        }
        if (context.capabilities().gatewayAdministration()) {
            observed.gateways().forEach(gateway -> steps.add(new Step.DeleteGateway(gateway.id(), gateway.name())));
        } else if (Boolean.TRUE.equals(system.hasMediaPillar())) {
            // The deletion does not wait for what the cloud cannot do; it says what is left.
            steps.add(new Step.Unsupported(
                    Capabilities.GATEWAY_ADMINISTRATION,
                    "system " + system.id() + " still has a WebRTC gateway, which this cloud does not let the operator "
                            + "remove: remove it in the admin UI, or the cloud refuses to remove the system"));
        }
        if (desired.endpoint() != null) {
            steps.add(new Step.DisablePbx(desired.endpoint().description()));
        }
        steps.add(new Step.DeleteSystem(system.id()));
        steps.add(new Step.DeleteActivationSecret(desired.secretName()));
        return new Decision<>(
                steps, Outcome.deleting("removing system " + system.id() + " from the cloud", null), view);
    }

    /** What the reset token asks for, given what the operator remembers. */
    private enum ResetWanted {
        NONE,
        /** A plan without the manifests before the change: it may or may not reset. */
        UNKNOWN,
        RESET,
        /** The reset was made before a crash: record it, do not make it again. */
        CONFIRM
    }

    private static ResetWanted resetWanted(Desired desired, CloudSystem system, ResetMemory memory) {
        String token = desired.pbx().getSpec().getResetToken();
        if (token == null || token.isEmpty()) {
            return ResetWanted.NONE;
        }
        if (!memory.known()) {
            // A new system is reset right after it is declared; an existing one may have had this token already.
            return system == null ? ResetWanted.RESET : ResetWanted.UNKNOWN;
        }
        if (token.equals(memory.lastToken())) {
            return ResetWanted.NONE;
        }
        return system != null && token.equals(memory.pendingToken()) && resetSince(system, memory.pendingSince())
                ? ResetWanted.CONFIRM
                : ResetWanted.RESET;
    }

    private static boolean resetRequested(Desired desired, CloudSystem system, ResetMemory memory) {
        ResetWanted wanted = resetWanted(desired, system, memory);
        return wanted == ResetWanted.RESET || wanted == ResetWanted.CONFIRM;
    }

    /** Adds the reset the token asks for; answers whether one is made. */
    private static boolean reset(Desired desired, CloudSystem system, ResetMemory memory, List<Step> steps) {
        String token = desired.pbx().getSpec().getResetToken();
        String systemId = system == null ? null : system.id();
        switch (resetWanted(desired, system, memory)) {
            case UNKNOWN ->
                steps.add(new Step.Unknown("resetToken \"" + token + "\" resets the PBX once if the "
                        + "operator has not applied it yet (it keeps the last one in status.lastResetToken; --base compares "
                        + "with the manifests before the change)"));
            case CONFIRM -> {
                steps.add(new Step.ConfirmReset(systemId, token));
                return true;
            }
            case RESET -> {
                steps.add(new Step.Reset(systemId, token, memory.lastToken()));
                return true;
            }
            case NONE -> {}
        }
        return false;
    }

    /** The cloud's history shows a reset made at or after the recorded intent: the call was made before a crash. */
    private static boolean resetSince(CloudSystem system, Instant since) {
        return since != null
                && Objects.requireNonNullElse(system.connectionHistory(), List.<ConnectionEvent>of()).stream()
                        .filter(event -> EVENT_RESET.equals(event.eventType()))
                        .map(ConnectionEvent::eventDate)
                        .anyMatch(date -> date != null && !date.isBefore(since));
    }

    /** The Secret lacks what the cloud shows: the equipment ID, and the code while the cloud shows it. */
    private static boolean secretBehind(CloudSystem system, SecretContent secret) {
        if (!secret.known()) {
            return false;
        }
        String shownCode = codeShown(system);
        return !Objects.equals(secret.equipmentId(), system.pbxId())
                || shownCode != null && !shownCode.equals(secret.activationCode());
    }

    /** The activation code, which the cloud shows only while the PBX is not activated. */
    public static String codeShown(CloudSystem system) {
        return CloudSystem.STATUS_ACTIVATED.equals(system.status()) ? null : system.jidPbxagentPassword();
    }

    /**
     * The PBX of a system declared in this pass: its new PBX ID and code are nowhere yet, so everything is entered
     * without reading the PBX first (what it held is replaced either way).
     */
    private static Step configureWhole(Desired desired) {
        return configure(desired, null, true, NOTHING_HELD, true).orElseThrow();
    }

    private static Optional<Step> pbxSideStep(Desired desired, CloudSystem system, boolean freshCode, PbxSide side) {
        if (side instanceof PbxSide.NotRead notRead) {
            return Optional.of(new Step.Unknown(notRead.why()));
        }
        if (side instanceof PbxSide.Unreadable unreadable) {
            return Optional.of(new Step.Unknown("cannot read the PBX: " + unreadable.why()));
        }
        return configure(desired, system, freshCode, ((PbxSide.Read) side).state(), false);
    }

    /** What to enter on a PBX holding {@code state}; nothing when it holds what the cloud expects. */
    private static Optional<Step> configure(
            Desired desired, CloudSystem system, boolean freshCode, EndpointState state, boolean unread) {
        List<String> writes = new ArrayList<>();
        if (!state.agentEnabled()) {
            writes.add("enable the Rainbow agent");
        }
        if (!RAINBOW_DOMAIN.equals(state.domain())) {
            writes.add("set the Rainbow domain to " + RAINBOW_DOMAIN);
        }
        boolean newId = system == null || !Objects.equals(state.equipmentId(), system.pbxId());
        if (newId) {
            writes.add("enter the PBX ID");
        }
        boolean enterCode = freshCode
                || CloudSystem.STATUS_CREATED.equals(system.status())
                        && state.agentStatus().needsCode();
        if (newId || enterCode) {
            writes.add("enter the activation code");
        }
        EndpointSettings.Network network = desired.endpoint().network();
        if (network != null && state.networkManaged() && !network.sameAs(state.network())) {
            writes.add("set the network prerequisites: " + network);
        }
        if (writes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Step.ConfigurePbx(desired.endpoint().description(), writes, enterCode, state.agentSays(), unread));
    }

    /**
     * What a person enters on the OmniPCX when its endpoint does not let the operator set the network prerequisites
     * (a real OXE keeps DNS and proxy in {@code netadmin -m} only): menu by menu, with the spec's values, never a
     * password. Null when the PBX was not read (the status keeps what it had); empty when nothing is to be done.
     */
    static List<String> runbook(Desired desired, PbxSide side) {
        if (!(side instanceof PbxSide.Read read)) {
            return null;
        }
        EndpointSettings.Network network =
                desired.endpoint() == null ? null : desired.endpoint().network();
        if (network == null || read.state().networkManaged()) {
            return List.of();
        }
        List<String> steps = new ArrayList<>();
        steps.add("on the OmniPCX, as mtcl: netadmin -m");
        if (network.proxyHost() == null) {
            steps.add("menu 14 DNS configuration > 2 Create/Update: primary DNS " + network.dnsPrimary()
                    + (network.dnsSecondary() == null ? "" : ", secondary DNS " + network.dnsSecondary()));
        } else {
            String credentials = desired.pbx().getSpec().getNetwork() != null
                            && desired.pbx().getSpec().getNetwork().getProxy() != null
                            && desired.pbx().getSpec().getNetwork().getProxy().getCredentialsSecretRef() != null
                    ? ", login and password from Secret "
                            + desired.pbx()
                                    .getSpec()
                                    .getNetwork()
                                    .getProxy()
                                    .getCredentialsSecretRef()
                                    .getName()
                    : "";
            steps.add("menu 15 Proxy configuration > 2 Create/Update: host " + network.proxyHost() + ", port "
                    + network.proxyPort() + credentials);
        }
        steps.add("menu 20 Apply modifications");
        return steps;
    }

    private static Outcome outcome(Desired desired, CloudSystem system, Observation observed, DecisionContext context) {
        if (system == null) {
            return Outcome.progressing(Conditions.Ready.CREATING, "declaring the system in the cloud", null);
        }
        return switch (SystemMapping.connection(system, observed.state())) {
            case Running ->
                Outcome.available(
                        "system " + system.id() + " connected" + unrecognised(observed.state()) + notKeptNote(desired));
            case Degraded ->
                Outcome.progressing(
                        Conditions.Ready.UNAVAILABLE,
                        "system " + system.id() + " is connected but " + downChannels(observed.state()) + " down",
                        context.pendingRecheck());
            case Pending ->
                Outcome.progressing(
                        Conditions.Ready.AWAITING_ACTIVATION,
                        pendingMessage(desired, observed.pbxSide()),
                        waitsForAPerson(desired)
                                ? context.pendingRecheck().multipliedBy(INSTALLER_RECHECK_FACTOR)
                                : context.pendingRecheck());
        };
    }

    private static String notKeptNote(Desired desired) {
        return desired.notKept().isEmpty()
                ? ""
                : "; this cloud does not keep "
                        + String.join(", ", desired.notKept().stream().sorted().toList())
                        + " (not sent again until the spec changes)";
    }

    /**
     * The extension groups an update wrote that the cloud's answer does not hold: a decision made on that answer
     * still wants them.
     */
    public static Set<String> notKept(List<Step> executed, List<Step> settled) {
        Set<String> written = new TreeSet<>();
        executed.stream()
                .filter(Step.UpdateSystem.class::isInstance)
                .map(Step.UpdateSystem.class::cast)
                .flatMap(update -> update.changes().fields().stream())
                .map(field -> SystemMapping.extensionGroup(field.field()))
                .filter(Objects::nonNull)
                .forEach(written::add);
        executed.stream()
                .filter(Step.CreateSystem.class::isInstance)
                .map(Step.CreateSystem.class::cast)
                .flatMap(create -> FieldList.of(create.system().settings()).stream())
                .map(field -> SystemMapping.extensionGroup(field.field()))
                .filter(Objects::nonNull)
                .forEach(written::add);
        Set<String> notKept = new TreeSet<>();
        settled.stream()
                .filter(Step.UpdateSystem.class::isInstance)
                .map(Step.UpdateSystem.class::cast)
                .flatMap(update -> update.changes().fields().stream())
                .map(field -> SystemMapping.extensionGroup(field.field()))
                .filter(group -> group != null && written.contains(group))
                .forEach(notKept::add);
        return notKept;
    }

    private static boolean waitsForAPerson(Desired desired) {
        return desired.endpoint() == null && desired.pbx().getSpec().effectiveActivationMode() != ActivationMode.Fleet;
    }

    private static String pendingMessage(Desired desired, PbxSide side) {
        Pbx pbx = desired.pbx();
        if (desired.endpoint() != null) {
            String says = side instanceof PbxSide.Read read ? read.state().agentSays() : null;
            return "the activation data was entered on the PBX through "
                    + desired.endpoint().description() + "; waiting for it to connect"
                    + (says == null ? "" : " (PBX says: " + says + ")");
        }
        if (pbx.getSpec().effectiveActivationMode() == ActivationMode.Fleet) {
            return "fleet PBX (fleet reference " + pbx.getSpec().getActivation().getFleetReference()
                    + "): it fills in its Rainbow parameters and connects by itself once installed and powered on; "
                    + "nothing is entered on it";
        }
        return "waiting for the installer: enter the equipment ID and activation code of Secret " + desired.secretName()
                + " on the PBX (OMC: Cloud > Rainbow: tick Rainbow enabled, PABX-ID, activation code, domain "
                + RAINBOW_DOMAIN + ")";
    }

    static View view(CloudSystem system, CloudSystemState state) {
        if (system == null) {
            return View.NONE;
        }
        ConnectionState connection = SystemMapping.connection(system, state);
        String message = switch (connection) {
            case Running -> "connected to the cloud" + unrecognised(state);
            case Pending -> "declared in the cloud, no PBX connected yet";
            case Degraded -> "connected, but " + downChannels(state) + " down";
        };
        return new View(
                system.id(),
                FLEET_EQUIPMENT_ID
                                .matcher(Objects.requireNonNullElse(system.pbxId(), ""))
                                .matches()
                        ? null
                        : system.pbxId(),
                system.status(),
                connection,
                system.siteId() == null ? 0 : system.siteId().size(),
                system.xPbxOps() == null ? null : system.xPbxOps().secretIdentityActive(),
                message,
                null);
    }

    private static String downChannels(CloudSystemState state) {
        List<String> down = state == null ? List.of() : state.down();
        return down.isEmpty()
                ? "the connection is"
                : "channel " + String.join(", ", down) + (down.size() == 1 ? " is" : " are");
    }

    /** The channel values the operator does not recognise, as the cloud gave them (never taken for "down"). */
    private static String unrecognised(CloudSystemState state) {
        if (state == null || state.unrecognised().isEmpty()) {
            return "";
        }
        List<String> values = new ArrayList<>();
        state.unrecognised().forEach((name, value) -> values.add(name + " \"" + value + "\""));
        return "; the cloud reports " + String.join(", ", values) + ", which the operator does not interpret";
    }
}
