package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxEndpoint;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import io.pbxops.operator.pbx.o2g.O2gEndpoint;
import io.pbxops.operator.validation.DeclaredFleet;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The PBX side through O2G, read-only: only {@link PbxEndpointPort#observe} is called. The O2G credentials come from
 * the Secret the Pbx names, when the manifests given to {@code plan} include it (they are usually kept out of git:
 * give them as one more path).
 */
public final class O2gPbxSide implements PbxSide {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private final PbxEndpointPort endpoints;
    private final DeclaredFleet manifests;

    public O2gPbxSide(PbxEndpointPort endpoints, DeclaredFleet manifests) {
        this.endpoints = endpoints;
        this.manifests = manifests;
    }

    @Override
    public Reading read(Pbx pbx) {
        PbxEndpoint endpoint = pbx.getSpec().getEndpoint();
        String secretName = endpoint.getCredentialsSecretRef().getName();
        Optional<Map<String, String>> credentials =
                manifests.secretValues(pbx.getMetadata().getNamespace(), secretName);
        if (credentials.isEmpty()
                || !credentials.get().containsKey(USERNAME)
                || !credentials.get().containsKey(PASSWORD)) {
            return Reading.unreadable(
                    "Secret " + secretName + " (keys username, password) is not among the manifests given");
        }
        O2gEndpoint o2g = O2gEndpoint.of(
                URI.create(endpoint.getUrl()),
                endpoint.getNodeId(),
                credentials.get().get(USERNAME),
                credentials.get().get(PASSWORD));
        if (endpoint.getStandbyUrl() != null) {
            o2g = o2g.withStandby(URI.create(endpoint.getStandbyUrl()));
        }
        try {
            return Reading.of(endpoints.observe(new PbxEndpointTarget(o2g)));
        } catch (RuntimeException e) {
            return Reading.unreadable("the PBX could not be read through " + endpoint.getUrl() + ": " + e.getMessage());
        }
    }
}
