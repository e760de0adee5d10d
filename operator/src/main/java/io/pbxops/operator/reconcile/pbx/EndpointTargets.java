package io.pbxops.operator.reconcile.pbx;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxEndpoint;
import io.pbxops.operator.api.PbxNetwork;
import io.pbxops.operator.api.PbxProxy;
import io.pbxops.operator.decision.PbxDecision;
import io.pbxops.operator.pbx.EndpointKind;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Pbx's management endpoint made reachable: the address from its spec, the credentials and proxy credentials from
 * the Secrets it names (the reconciler reads them from its informer, {@code plan} from the manifests it is given).
 * Knows no vendor: the PBX type and the endpoint kind choose the driver.
 */
public final class EndpointTargets {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    /**
     * A Secret's values and its version (a change of version means the Secret was edited).
     *
     * @param version the resource version, or "" where there is none (a manifest)
     */
    public record SecretData(Map<String, String> values, String version) {}

    /** Where the Secrets a Pbx names come from. */
    @FunctionalInterface
    public interface SecretSource {
        Optional<SecretData> get(String name);
    }

    /**
     * Everything needed to reach the PBX.
     *
     * @param versions the versions of the Secrets read, in order
     */
    public record Resolved(PbxEndpointTarget target, EndpointSettings.Network network, List<String> versions) {

        public Resolved {
            versions = List.copyOf(versions);
        }

        /** What the ledger compares: the address, the network, the Secrets' versions (never their values). */
        public String fingerprint() {
            return target.url() + "|" + target.node() + "|" + network + "|" + versions;
        }

        /** The endpoint as the Pbx's decision needs it. */
        public PbxDecision.Endpoint intent() {
            return new PbxDecision.Endpoint(target.describe(), network);
        }
    }

    /**
     * The endpoint resolved, or why it cannot be (a Secret missing, or without its keys).
     *
     * @param missing what to fix, for people; null when resolved
     */
    public record Resolution(Optional<Resolved> resolved, String missing) {}

    private EndpointTargets() {}

    /** The kind of management endpoint the spec's {@code endpoint} is: O2G, the only one the API has. */
    public static EndpointKind kindOf(PbxEndpoint endpoint) {
        return EndpointKind.O2G;
    }

    public static Resolution resolve(Pbx pbx, SecretSource secrets) {
        PbxEndpoint endpoint = pbx.getSpec().getEndpoint();
        String credentialsName = endpoint.getCredentialsSecretRef().getName();
        Optional<SecretData> credentials = secrets.get(credentialsName);
        if (credentials.isEmpty()) {
            return missing("Secret " + credentialsName + " (the credentials of spec.endpoint) does not exist");
        }
        Map<String, String> values = credentials.get().values();
        if (!values.containsKey(USERNAME) || !values.containsKey(PASSWORD)) {
            return missing("Secret " + credentialsName + " must hold the keys username and password");
        }
        List<String> versions = new ArrayList<>();
        versions.add(credentials.get().version());
        EndpointSettings.Network network = null;
        PbxNetwork declared = pbx.getSpec().getNetwork();
        if (declared != null && declared.getDns() != null) {
            network = EndpointSettings.Network.dns(
                    declared.getDns().getPrimary(), declared.getDns().getSecondary());
        } else if (declared != null && declared.getProxy() != null) {
            PbxProxy proxy = declared.getProxy();
            String login = null;
            String password = null;
            if (proxy.getCredentialsSecretRef() != null) {
                String proxyName = proxy.getCredentialsSecretRef().getName();
                Optional<SecretData> proxySecret = secrets.get(proxyName);
                if (proxySecret.isEmpty()) {
                    return missing(
                            "Secret " + proxyName + " (the proxy credentials of spec.network.proxy) does not exist");
                }
                login = proxySecret.get().values().get(USERNAME);
                password = proxySecret.get().values().get(PASSWORD);
                versions.add(proxySecret.get().version());
            }
            network = EndpointSettings.Network.proxy(proxy.getHost(), proxy.getPort(), login, password);
        }
        PbxEndpointTarget target = new PbxEndpointTarget(
                pbx.getSpec().getType(),
                kindOf(endpoint),
                URI.create(endpoint.getUrl()),
                endpoint.getStandbyUrl() == null ? null : URI.create(endpoint.getStandbyUrl()),
                endpoint.getNodeId(),
                values.get(USERNAME),
                values.get(PASSWORD));
        return new Resolution(Optional.of(new Resolved(target, network, versions)), null);
    }

    /**
     * The endpoint as far as the spec alone tells it (a plan without the Secrets): the address, and the network
     * without proxy credentials.
     */
    public static PbxDecision.Endpoint intentFromSpec(Pbx pbx) {
        PbxEndpoint endpoint = pbx.getSpec().getEndpoint();
        PbxNetwork declared = pbx.getSpec().getNetwork();
        EndpointSettings.Network network = null;
        if (declared != null && declared.getDns() != null) {
            network = EndpointSettings.Network.dns(
                    declared.getDns().getPrimary(), declared.getDns().getSecondary());
        } else if (declared != null && declared.getProxy() != null) {
            network = EndpointSettings.Network.proxy(
                    declared.getProxy().getHost(), declared.getProxy().getPort(), null, null);
        }
        return new PbxDecision.Endpoint(kindOf(endpoint).label() + " " + endpoint.getUrl(), network);
    }

    private static Resolution missing(String why) {
        return new Resolution(Optional.empty(), why);
    }
}
