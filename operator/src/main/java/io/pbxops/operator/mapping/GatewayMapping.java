package io.pbxops.operator.mapping;

import io.pbxops.operator.api.GatewayState;
import io.pbxops.operator.api.GatewayType;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.api.WebRtcGatewaySpec;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * WebRtcGateway spec ↔ the cloud's WebRTC gateway ("media pillar", simulator/EXTENSIONS.md §1.2). The default route is
 * a setting of the Pbx ("Used as default route") carried by its gateways.
 */
public final class GatewayMapping {

    private GatewayMapping() {}

    public static String cloudType(GatewayType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    public static GatewayType gatewayType(String cloudType) {
        return switch (cloudType) {
            case "internal" -> GatewayType.Internal;
            case "external" -> GatewayType.External;
            default -> GatewayType.Cloud;
        };
    }

    /**
     * The software version to ask for: the spec's version, or for {@code latest} the newest available when it is
     * newer than the running one (null: nothing to ask).
     */
    public static String targetVersion(WebRtcGatewaySpec spec, CloudMediaPillar observed) {
        String wanted = spec.effectiveSoftwareVersion();
        if (!WebRtcGatewaySpec.LATEST.equals(wanted)) {
            return wanted;
        }
        if (observed == null) {
            return WebRtcGatewaySpec.LATEST; // the cloud installs the newest version on a new gateway
        }
        String available = observed.availableVersion();
        return available != null && Versions.newer(available, observed.runningVersion())
                ? available
                : observed.runningVersion();
    }

    public static MediaPillarSettings desired(WebRtcGateway gateway, Pbx pbx, CloudMediaPillar observed) {
        WebRtcGatewaySpec spec = gateway.getSpec();
        boolean defaultRoute = pbx.getSpec().getWebRtc() != null
                && Boolean.TRUE.equals(pbx.getSpec().getWebRtc().getDefaultRoute());
        return MediaPillarSettings.none()
                .withName(gateway.getMetadata().getName())
                .withAddress(spec.getAddress(), spec.getVoiceChannels())
                .withSoftwareVersion(targetVersion(spec, observed))
                .withMaintenance(Boolean.TRUE.equals(spec.getMaintenance()))
                .withDefaultRoute(defaultRoute);
    }

    public static NewMediaPillar newGateway(WebRtcGateway gateway, Pbx pbx, String systemId) {
        return new NewMediaPillar(systemId, cloudType(gateway.getSpec().getType()), desired(gateway, pbx, null));
    }

    /** A version being installed counts as asked for: the running version is compared once the upgrade ends. */
    public static String installedVersion(CloudMediaPillar observed) {
        return observed.targetVersion() != null && "upgrading".equals(observed.state())
                ? observed.targetVersion()
                : observed.runningVersion();
    }

    public static Changes<MediaPillarSettings> diff(CloudMediaPillar observed, WebRtcGateway gateway, Pbx pbx) {
        MediaPillarSettings have = new MediaPillarSettings(
                observed.name(),
                observed.address(),
                observed.voiceChannels(),
                installedVersion(observed),
                observed.maintenance(),
                observed.defaultRoute());
        return RecordDiff.diff(MediaPillarSettings.class, have, desired(gateway, pbx, observed));
    }

    /** What the drift check compares, including the version and state an upgrade moves. */
    public static List<Object> signature(CloudMediaPillar gateway) {
        return Arrays.asList(
                gateway.systemId(),
                gateway.name(),
                gateway.type(),
                gateway.address(),
                gateway.voiceChannels(),
                gateway.runningVersion(),
                gateway.availableVersion(),
                gateway.state(),
                gateway.maintenance(),
                gateway.defaultRoute());
    }

    public static GatewayState state(CloudMediaPillar observed) {
        return switch (observed.state() == null ? "" : observed.state()) {
            case "online" -> GatewayState.Online;
            case "upgrading" -> GatewayState.Upgrading;
            case "maintenance" -> GatewayState.Maintenance;
            default -> GatewayState.Offline;
        };
    }
}
