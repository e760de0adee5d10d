package io.pbxops.operator.mapping;

import io.pbxops.operator.api.ActivationMode;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxCcd;
import io.pbxops.operator.api.PbxConference;
import io.pbxops.operator.api.PbxDialing;
import io.pbxops.operator.api.PbxSpec;
import io.pbxops.operator.api.PbxType;
import io.pbxops.operator.api.PbxWebRtc;
import io.pbxops.operator.cloud.CloudExtensions;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.cloud.model.ConnectionEvent;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.NumberingRule;
import io.pbxops.operator.cloud.model.PbxOpsExtension;
import io.pbxops.operator.cloud.model.SystemSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Pbx spec ↔ the cloud's system (docs/cloud-contract.md#systems; the fields no public contract shows go under
 * {@code x-pbxops}, simulator/EXTENSIONS.md §1.1). A field the spec leaves out is not managed: it is neither sent nor
 * compared, so an adopted PBX keeps what it has until the manifest says otherwise.
 */
public final class SystemMapping {

    private SystemMapping() {}

    public static String serverName(Pbx pbx) {
        String serverName = pbx.getSpec().getServerName();
        return serverName == null ? pbx.getMetadata().getName() : serverName;
    }

    /** The cloud's {@code type}: it tells OmniPCX Enterprise from the OXO family only. */
    public static String cloudType(PbxType type) {
        return type == PbxType.OmniPCXEnterprise ? SystemSettings.TYPE_OXE : SystemSettings.TYPE_OXO;
    }

    /** The {@code x-pbxops.model}, which tells OXO Connect from OXO Connect Evolution. */
    public static String model(PbxType type) {
        return switch (type) {
            case OmniPCXEnterprise -> "omnipcx-enterprise";
            case OXOConnect -> "oxo-connect";
            case OXOConnectEvolution -> "oxo-connect-evolution";
        };
    }

    public static PbxType pbxType(String cloudType, String model) {
        if ("oxo-connect-evolution".equals(model)) {
            return PbxType.OXOConnectEvolution;
        }
        return SystemSettings.TYPE_OXE.equals(cloudType) ? PbxType.OmniPCXEnterprise : PbxType.OXOConnect;
    }

    /**
     * The settings the spec wants. {@code plan} is the NumberingPlan the Pbx names (null: rules not managed).
     */
    public static SystemSettings desired(Pbx pbx, NumberingPlan plan) {
        PbxSpec spec = pbx.getSpec();
        PbxDialing dialing = Objects.requireNonNullElseGet(spec.getDialing(), PbxDialing::new);
        SystemSettings settings = SystemSettings.of(serverName(pbx), cloudType(spec.getType()), dialing.getCountry())
                .withPrefixes(dialing.getNationalPrefix(), dialing.getInternationalPrefix())
                .withOutboundPrefix(
                        dialing.getOutboundPrefix() == null ? null : List.of(dialing.getOutboundPrefix()),
                        dialing.getUseOutboundPrefix())
                .withShared(spec.isSharedPbx())
                .withExtension(extension(spec, dialing));
        return plan == null ? settings : settings.withNumberingTranslator(rules(plan));
    }

    /** What a create sends: the settings, the owner's site, and for a fleet OXO its equipment ID as ID and code. */
    public static NewSystem newSystem(Pbx pbx, NumberingPlan plan, String ownerSiteId) {
        NewSystem system = NewSystem.onSite(ownerSiteId, desired(pbx, plan));
        String fleetId = pbx.getSpec().fleetEquipmentId();
        if (pbx.getSpec().effectiveActivationMode() == ActivationMode.Fleet && fleetId != null) {
            // Stock mode: equipment ID = activation code = <fleet reference>-<installation reference>
            // (docs/domain.md#fleet-activation).
            system = system.withPbxId(fleetId).withActivationCode(fleetId);
        }
        return system;
    }

    public static Changes<SystemSettings> diff(CloudSystem observed, Pbx pbx, NumberingPlan plan) {
        return diff(observed, pbx, plan, Set.of());
    }

    /**
     * As {@link #diff(CloudSystem, Pbx, NumberingPlan)}, leaving out the extension groups ({@code x-pbxops.ccd},
     * ...) the cloud was seen not to keep: they are not managed until the spec changes.
     */
    public static Changes<SystemSettings> diff(
            CloudSystem observed, Pbx pbx, NumberingPlan plan, Set<String> notKeptGroups) {
        SystemSettings desired = desired(pbx, plan);
        if (!notKeptGroups.isEmpty() && desired.xPbxOps() != null) {
            desired = desired.withExtension(withoutGroups(desired.xPbxOps(), notKeptGroups));
        }
        return RecordDiff.diff(SystemSettings.class, observed == null ? null : observed.settings(), desired);
    }

    /** The group of an extension field ({@code x-pbxops.ccd.withdrawReason} → {@code x-pbxops.ccd}), or null. */
    public static String extensionGroup(String field) {
        String prefix = CloudExtensions.SYSTEM_EXTENSION + ".";
        if (!field.startsWith(prefix)) {
            return null;
        }
        int end = field.indexOf('.', prefix.length());
        return end < 0 ? field : field.substring(0, end);
    }

    private static PbxOpsExtension withoutGroups(PbxOpsExtension extension, Set<String> groups) {
        String prefix = CloudExtensions.SYSTEM_EXTENSION + ".";
        PbxOpsExtension result = extension;
        if (groups.contains(prefix + CloudExtensions.INSTALLATION_NUMBER)) {
            result = result.withInstallationNumber(null);
        }
        if (groups.contains(prefix + CloudExtensions.SECRET_IDENTITY)) {
            result = result.withSecretIdentity(null);
        }
        if (groups.contains(prefix + CloudExtensions.EMERGENCY_THROUGH_PBX)) {
            result = result.withEmergencyThroughPbx(null);
        }
        if (groups.contains(prefix + CloudExtensions.WEB_RTC)) {
            result = result.withWebRtc(null);
        }
        if (groups.contains(prefix + CloudExtensions.CONFERENCE)) {
            result = result.withConference(null);
        }
        if (groups.contains(prefix + CloudExtensions.CCD)) {
            result = result.withCcd(null);
        }
        if (groups.contains(prefix + CloudExtensions.MODEL)) {
            result = new PbxOpsExtension(
                    null,
                    result.installationNumber(),
                    result.secretIdentity(),
                    null,
                    result.emergencyThroughPbx(),
                    result.webRtc(),
                    result.conference(),
                    result.ccd());
        }
        return result;
    }

    /**
     * What the drift check compares: the settings. The site links are not part of it (each link is signed on its own,
     * by the Pbx of its owner's site or by the share that made it, so a share linking a shared PBX is not the Pbx's
     * drift), nor the connection (status, channels), nor whether a gateway is attached: those change without anyone
     * editing the system (gateways have their own).
     */
    public static List<Object> signature(CloudSystem system) {
        return List.of(system.settings());
    }

    /** What the drift check compares for a share: whether the system is linked to the company's site. */
    public static List<Object> linkSignature(String systemId, String siteId, boolean linked) {
        return Arrays.asList(systemId, siteId, linked);
    }

    /** The part of a system that changes as the PBX connects, drops a channel or is reset. */
    public static List<Object> connectionSignature(CloudSystem system) {
        List<ConnectionEvent> history = system.connectionHistory();
        return Arrays.asList(
                system.status(), history == null || history.isEmpty() ? null : history.get(history.size() - 1));
    }

    public static List<NumberingRule> rules(NumberingPlan plan) {
        return plan.getSpec().getRules().stream()
                .map(rule -> new NumberingRule(
                        rule.getMatch(), Objects.requireNonNullElse(rule.getReplace(), ""), rule.getDescription()))
                .toList();
    }

    /**
     * The admin UI's connection state: Pending until the PBX is activated, then Running, or Degraded when a channel
     * is reported down (docs/domain.md#pbx-lifecycle).
     */
    public static ConnectionState connection(CloudSystem system, CloudSystemState state) {
        if (!CloudSystem.STATUS_ACTIVATED.equals(system.status())) {
            return ConnectionState.Pending;
        }
        // The documented fields decide (activated); a channel the cloud reports down, in a value this operator
        // recognises, refines it. An unrecognised value is shown, not mistaken for a channel down.
        return state != null && !state.down().isEmpty() ? ConnectionState.Degraded : ConnectionState.Running;
    }

    private static PbxOpsExtension extension(PbxSpec spec, PbxDialing dialing) {
        PbxWebRtc webRtc = spec.getWebRtc();
        PbxConference conference = spec.getConference();
        PbxCcd ccd = spec.getCcd();
        return PbxOpsExtension.ofModel(model(spec.getType()))
                .withInstallationNumber(dialing.getInstallationNumber())
                .withSecretIdentity(spec.getSecretIdentity())
                .withEmergencyThroughPbx(spec.getEmergencyThroughPbx())
                .withWebRtc(
                        webRtc == null
                                ? null
                                : new PbxOpsExtension.WebRtc(webRtc.getEnabled(), webRtc.getLicenseAccepted()))
                .withConference(
                        conference == null
                                ? null
                                : new PbxOpsExtension.Conference(
                                        conference.getCallPhoneNumbers(), conference.getParticipateFromDeskPhone()))
                .withCcd(
                        ccd == null
                                ? null
                                : new PbxOpsExtension.Ccd(
                                        ccd.getWithdrawWhenBusy(),
                                        ccd.getIgnorePbxCallsInDnd(),
                                        ccd.getWithdrawInDnd(),
                                        ccd.getWithdrawReason()));
    }
}
