package io.pbxops.operator.reconcile.pbx;

import io.fabric8.kubernetes.api.model.Secret;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxEndpoint;
import io.pbxops.operator.api.PbxNetwork;
import io.pbxops.operator.api.PbxProxy;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import io.pbxops.operator.pbx.PbxEndpointPort;
import io.pbxops.operator.pbx.PbxEndpointTarget;
import io.pbxops.operator.pbx.o2g.O2gEndpoint;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The PBX side of an OmniPCX Enterprise with a management endpoint: its O2G credentials and proxy credentials from
 * the Secrets the Pbx names, and the activation data entered while the cloud shows the PBX Pending.
 */
final class EndpointStep {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    /** Everything needed to reach the PBX; {@code secretVersions} tell when a Secret was edited. */
    record Target(PbxEndpointTarget endpoint, EndpointSettings.Network network, List<String> secretVersions) {

        String fingerprint() {
            return endpoint.endpoint().url() + "|" + endpoint.endpoint().nodeId() + "|" + network + "|"
                    + secretVersions;
        }
    }

    private static final Set<String> CODE_NEEDED =
            Set.of(O2gRainbowNames.STATUS_ACTIVATION_REFUSED, O2gRainbowNames.STATUS_DISABLED);

    private final PbxEndpointPort endpoints;

    EndpointStep(PbxEndpointPort endpoints) {
        this.endpoints = endpoints;
    }

    static Optional<Target> target(Pbx pbx, Function<String, Optional<Secret>> secrets) {
        PbxEndpoint endpoint = pbx.getSpec().getEndpoint();
        Optional<Map<String, String>> credentials =
                secrets.apply(endpoint.getCredentialsSecretRef().getName()).map(ActivationSecrets::decode);
        if (credentials.isEmpty()
                || !credentials.get().containsKey(USERNAME)
                || !credentials.get().containsKey(PASSWORD)) {
            return Optional.empty();
        }
        List<String> versions = new ArrayList<>();
        versions.add(secrets.apply(endpoint.getCredentialsSecretRef().getName())
                .map(s -> s.getMetadata().getResourceVersion())
                .orElse(""));
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
                Optional<Secret> secret =
                        secrets.apply(proxy.getCredentialsSecretRef().getName());
                if (secret.isEmpty()) {
                    return Optional.empty();
                }
                Map<String, String> values = ActivationSecrets.decode(secret.get());
                login = values.get(USERNAME);
                password = values.get(PASSWORD);
                versions.add(secret.get().getMetadata().getResourceVersion());
            }
            network = EndpointSettings.Network.proxy(proxy.getHost(), proxy.getPort(), login, password);
        }
        O2gEndpoint o2g = O2gEndpoint.of(
                URI.create(endpoint.getUrl()),
                endpoint.getNodeId(),
                credentials.get().get(USERNAME),
                credentials.get().get(PASSWORD));
        if (endpoint.getStandbyUrl() != null) {
            o2g = o2g.withStandby(URI.create(endpoint.getStandbyUrl()));
        }
        return Optional.of(new Target(new PbxEndpointTarget(o2g), network, versions));
    }

    static String missingSecretsMessage(Pbx pbx, Function<String, Optional<Secret>> secrets) {
        String endpointSecret =
                pbx.getSpec().getEndpoint().getCredentialsSecretRef().getName();
        Optional<Secret> credentials = secrets.apply(endpointSecret);
        if (credentials.isEmpty()) {
            return "Secret " + endpointSecret + " (the O2G credentials of spec.endpoint) does not exist";
        }
        Map<String, String> values = ActivationSecrets.decode(credentials.get());
        if (!values.containsKey(USERNAME) || !values.containsKey(PASSWORD)) {
            return "Secret " + endpointSecret + " must hold the keys username and password";
        }
        return "Secret "
                + pbx.getSpec()
                        .getNetwork()
                        .getProxy()
                        .getCredentialsSecretRef()
                        .getName() + " (the proxy credentials of spec.network.proxy) does not exist";
    }

    /**
     * Enters the equipment ID, the activation code (when the cloud's side says it is needed) and the network
     * prerequisites on the PBX.
     */
    EndpointState enter(Target target, CloudSystem system, String code, boolean freshCode) {
        EndpointState current = endpoints.observe(target.endpoint());
        boolean enterCode = code != null
                && (freshCode
                        || CloudSystem.STATUS_CREATED.equals(system.status())
                                && (current.connectionStatus() == null
                                        || CODE_NEEDED.contains(current.connectionStatus())));
        return endpoints.apply(
                target.endpoint(), new EndpointSettings(system.pbxId(), code, enterCode, target.network()));
    }

    void disable(Target target) {
        endpoints.disable(target.endpoint());
    }
}
