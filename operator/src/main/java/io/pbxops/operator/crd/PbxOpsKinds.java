package io.pbxops.operator.crd;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxOps;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import java.util.List;
import java.util.Optional;

/** The five kinds, in the order they depend on each other, with the name of their generated CRD. */
public enum PbxOpsKinds {
    COMPANY(Company.class),
    NUMBERING_PLAN(NumberingPlan.class),
    PBX(Pbx.class),
    PBX_SHARE(PbxShare.class),
    WEBRTC_GATEWAY(WebRtcGateway.class);

    private final Class<? extends CustomResource<?, ?>> type;

    PbxOpsKinds(Class<? extends CustomResource<?, ?>> type) {
        this.type = type;
    }

    public Class<? extends CustomResource<?, ?>> type() {
        return type;
    }

    public String kind() {
        return HasMetadata.getKind(type);
    }

    public String plural() {
        return HasMetadata.getPlural(type);
    }

    /** {@code <plural>.pbxops.io}, the CRD's metadata.name. */
    public String crdName() {
        return plural() + "." + PbxOps.GROUP;
    }

    /** The file the CRD generator writes, also the name it has in crds/ and in the chart. */
    public String crdFileName() {
        return crdName() + "-v1.yml";
    }

    public static List<PbxOpsKinds> all() {
        return List.of(values());
    }

    public static Optional<PbxOpsKinds> byKind(String kind) {
        for (PbxOpsKinds k : values()) {
            if (k.kind().equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
