package io.pbxops.operator.pbx.o2g;

import java.net.URI;
import java.util.Objects;

/**
 * One OmniPCX Open Gateway to manage an OXE node through.
 *
 * @param url the O2G's base URL, e.g. {@code https://o2g.acme.example} ({@code /api/rest} is appended)
 * @param standbyUrl the standby O2G, used when the primary cannot be reached; may be null
 * @param nodeId the OXE node id as O2G lists it
 * @param username an O2G admin account
 * @param password its password (masked by {@link #toString()})
 */
public record O2gEndpoint(URI url, URI standbyUrl, String nodeId, String username, String password) {

    public O2gEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static O2gEndpoint of(URI url, String nodeId, String username, String password) {
        return new O2gEndpoint(url, null, nodeId, username, password);
    }

    public O2gEndpoint withStandby(URI standby) {
        return new O2gEndpoint(url, standby, nodeId, username, password);
    }

    /** The O2G and account the node is reached through: one session serves all its nodes. */
    public O2gGateway gateway() {
        return new O2gGateway(url, standbyUrl, username, password);
    }

    @Override
    public String toString() {
        return "O2gEndpoint[url=" + url + ", standbyUrl=" + standbyUrl + ", nodeId=" + nodeId + ", username=" + username
                + ", password=****]";
    }
}
