package io.pbxops.operator.pbx.o2g;

import java.util.List;
import java.util.Set;

/**
 * What discovery found in a node's model: the names to use, and the attributes the model lists for the Rainbow and
 * network objects (empty when it does not list them), so that reads ask for the attributes the driver needs only.
 */
public record O2gRainbowModel(O2gRainbowNames names, Set<String> rainbowAttributes, Set<String> networkAttributes) {

    private static final String[] ALL = new String[0];

    public O2gRainbowModel {
        rainbowAttributes = Set.copyOf(rainbowAttributes);
        networkAttributes = Set.copyOf(networkAttributes);
    }

    /** The Rainbow attributes a read asks for; none (so all) unless the model lists every one of them. */
    public String[] rainbowReads() {
        return reads(rainbowAttributes, names.agentEnable(), names.domain(), names.pbxId(), names.connectionStatus());
    }

    /** The network attributes a read asks for (the password reads back masked: never asked); none (so all) likewise. */
    public String[] networkReads() {
        return reads(
                networkAttributes,
                names.dnsPrimary(),
                names.dnsSecondary(),
                names.proxyHost(),
                names.proxyPort(),
                names.proxyLogin());
    }

    private static String[] reads(Set<String> listed, String... wanted) {
        return listed.containsAll(List.of(wanted)) ? wanted.clone() : ALL;
    }
}
