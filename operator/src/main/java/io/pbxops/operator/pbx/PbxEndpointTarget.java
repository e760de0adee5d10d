package io.pbxops.operator.pbx;

import io.pbxops.operator.api.PbxType;
import java.net.URI;
import java.util.Objects;

/**
 * The management endpoint of one PBX, with the credentials read from its Secret: what a driver needs to reach it,
 * in no vendor's terms. {@link #toString()} masks the password.
 *
 * @param standbyUrl where to go when the main address does not answer, or null
 * @param node       the PBX node behind the endpoint (O2G: the node ID)
 */
public record PbxEndpointTarget(
        PbxType pbxType, EndpointKind kind, URI url, URI standbyUrl, String node, String username, String password) {

    public PbxEndpointTarget {
        Objects.requireNonNull(pbxType, "pbxType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }

    /** "O2G https://o2g.acme.example", for people. */
    public String describe() {
        return kind.label() + " " + url;
    }

    @Override
    public String toString() {
        return describe() + " node " + node + " as " + username + (standbyUrl == null ? "" : ", standby " + standbyUrl);
    }
}
