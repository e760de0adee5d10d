package io.pbxops.operator.mapping;

import io.pbxops.operator.api.GatewayType;
import io.pbxops.operator.api.WebRtcGatewaySpec;
import io.pbxops.operator.cloud.model.CloudMediaPillar;

/**
 * The cloud's WebRTC gateway → a WebRtcGateway spec that {@link GatewayMapping} maps back to exactly what the cloud
 * holds: pinned to the version it runs (or is being upgraded to), so that an apply upgrades nothing. Its name is the
 * object's name, and its Pbx reference is the caller's.
 */
public final class GatewayExport {

    private GatewayExport() {}

    public static WebRtcGatewaySpec spec(CloudMediaPillar gateway) {
        WebRtcGatewaySpec spec = new WebRtcGatewaySpec();
        spec.setType(GatewayMapping.gatewayType(gateway.type()));
        if (spec.getType() == GatewayType.External) {
            spec.setAddress(gateway.address());
            spec.setVoiceChannels(gateway.voiceChannels());
        }
        spec.setSoftwareVersion(GatewayMapping.installedVersion(gateway));
        if (Boolean.TRUE.equals(gateway.maintenance())) {
            spec.setMaintenance(true);
        }
        return spec;
    }
}
