package io.pbxops.operator.mapping;

import io.pbxops.operator.api.PbxCcd;
import io.pbxops.operator.api.PbxConference;
import io.pbxops.operator.api.PbxDialing;
import io.pbxops.operator.api.PbxSpec;
import io.pbxops.operator.api.PbxType;
import io.pbxops.operator.api.PbxWebRtc;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.PbxOpsExtension;
import io.pbxops.operator.cloud.model.SystemSettings;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The cloud's system → a Pbx spec that {@link SystemMapping} maps back to exactly what the cloud holds. What the spec
 * cannot say is left out, so it is not managed: an outbound prefix list of more than one entry, settings of another
 * PBX type. The owner, the numbering plan and the activation are the caller's (they are references and secrets).
 */
public final class PbxExport {

    /** The cloud types the Pbx kind covers (a {@code third_party} system is not one). */
    public static final Set<String> SUPPORTED_TYPES = Set.of(SystemSettings.TYPE_OXE, SystemSettings.TYPE_OXO);

    private PbxExport() {}

    /** @param defaultRoute whether the system's WebRTC gateway is "used as default route" (a gateway setting in the cloud) */
    public static PbxSpec spec(CloudSystem system, boolean defaultRoute) {
        PbxOpsExtension extension =
                Objects.requireNonNullElseGet(system.xPbxOps(), () -> PbxOpsExtension.ofModel(null));
        PbxType type = SystemMapping.pbxType(system.type(), extension.model());
        PbxSpec spec = new PbxSpec();
        spec.setServerName(system.name());
        spec.setType(type);
        if (Boolean.TRUE.equals(system.isShared())) {
            spec.setShared(true);
        }
        spec.setDialing(dialing(system, extension));
        spec.setWebRtc(webRtc(extension.webRtc(), defaultRoute));
        if (extension.conference() != null) {
            PbxConference conference = new PbxConference();
            conference.setCallPhoneNumbers(extension.conference().callPhoneNumbers());
            conference.setParticipateFromDeskPhone(extension.conference().participateFromDeskPhone());
            spec.setConference(conference);
        }
        if (type == PbxType.OmniPCXEnterprise) {
            spec.setSecretIdentity(extension.secretIdentity());
            spec.setEmergencyThroughPbx(extension.emergencyThroughPbx());
            spec.setCcd(ccd(extension.ccd()));
        }
        return spec;
    }

    private static PbxDialing dialing(CloudSystem system, PbxOpsExtension extension) {
        PbxDialing dialing = new PbxDialing();
        dialing.setCountry(system.country());
        dialing.setNationalPrefix(system.pbxNationalPrefix());
        dialing.setInternationalPrefix(system.pbxInternationalPrefix());
        List<String> outbound = system.pbxMainBundlePrefix();
        if (outbound != null && outbound.size() == 1) {
            dialing.setOutboundPrefix(outbound.get(0));
        }
        dialing.setUseOutboundPrefix(system.usePbxMainBundlePrefix());
        dialing.setInstallationNumber(extension.installationNumber());
        return dialing;
    }

    private static PbxWebRtc webRtc(PbxOpsExtension.WebRtc cloud, boolean defaultRoute) {
        if (cloud == null && !defaultRoute) {
            return null;
        }
        PbxWebRtc webRtc = new PbxWebRtc();
        if (cloud != null) {
            webRtc.setEnabled(cloud.enabled());
            webRtc.setLicenseAccepted(cloud.licenseAccepted());
        }
        if (defaultRoute) {
            webRtc.setDefaultRoute(true);
        }
        return webRtc;
    }

    private static PbxCcd ccd(PbxOpsExtension.Ccd cloud) {
        if (cloud == null) {
            return null;
        }
        PbxCcd ccd = new PbxCcd();
        ccd.setWithdrawWhenBusy(cloud.withdrawWhenBusy());
        ccd.setIgnorePbxCallsInDnd(cloud.ignorePbxCallsInDnd());
        ccd.setWithdrawInDnd(cloud.withdrawInDnd());
        ccd.setWithdrawReason(cloud.withdrawReason());
        return ccd;
    }
}
