package io.pbxops.operator.pbx;

import io.pbxops.operator.pbx.o2g.O2gEndpoint;

/** The management endpoint of one PBX, with the credentials read from its Secret (masked in {@code toString}). */
public record PbxEndpointTarget(O2gEndpoint endpoint) {

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
