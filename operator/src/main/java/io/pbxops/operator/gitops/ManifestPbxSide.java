package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.decision.PbxDecision;
import io.pbxops.operator.pbx.PbxEndpointException;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.reconcile.pbx.EndpointTargets;
import io.pbxops.operator.validation.DeclaredFleet;

/**
 * The PBX side through the endpoint drivers, read-only: only {@link PbxEndpointPort#observe} is called. The
 * credentials come from the Secrets the Pbx names, when the manifests given to {@code plan} include them (they are
 * usually kept out of git: give them as one more path).
 */
public final class ManifestPbxSide implements PbxSide {

    private final PbxEndpointPort endpoints;
    private final DeclaredFleet manifests;

    public ManifestPbxSide(PbxEndpointPort endpoints, DeclaredFleet manifests) {
        this.endpoints = endpoints;
        this.manifests = manifests;
    }

    @Override
    public PbxDecision.PbxSide read(Pbx pbx) {
        EndpointTargets.Resolution resolution = resolve(pbx);
        if (resolution.resolved().isEmpty()) {
            return new PbxDecision.PbxSide.Unreadable(resolution.missing() + " in the manifests given");
        }
        EndpointTargets.Resolved endpoint = resolution.resolved().get();
        try {
            return new PbxDecision.PbxSide.Read(endpoints.observe(endpoint.target()));
        } catch (PbxEndpointException e) {
            return new PbxDecision.PbxSide.Unreadable(
                    "the PBX could not be read through " + endpoint.target().describe() + ": " + e.getMessage());
        }
    }

    @Override
    public PbxDecision.Endpoint endpoint(Pbx pbx) {
        return resolve(pbx).resolved().map(EndpointTargets.Resolved::intent).orElseGet(() -> fromSpec(pbx));
    }

    /** Without its Secrets: the address and the network the spec gives (no proxy credentials). */
    static PbxDecision.Endpoint fromSpec(Pbx pbx) {
        return EndpointTargets.intentFromSpec(pbx);
    }

    private EndpointTargets.Resolution resolve(Pbx pbx) {
        String namespace = pbx.getMetadata().getNamespace();
        return EndpointTargets.resolve(
                pbx,
                name -> manifests
                        .secretValues(namespace, name)
                        .map(values -> new EndpointTargets.SecretData(values, "")));
    }
}
