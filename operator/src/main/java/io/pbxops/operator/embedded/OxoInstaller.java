package io.pbxops.operator.embedded;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.api.Pbx;
import io.pbxops.simulator.OxoRainbowSettings;
import java.util.List;
import java.util.Map;

/**
 * The installer of a build-to-order OXO Connect, played for a demo: reads the equipment ID and activation code the
 * operator wrote to the Pbx's activation Secret and types them into the OXO's OMC (Cloud &gt; Rainbow), which the
 * simulator stands for. The PBX then connects and the Pbx goes from Pending to Running.
 */
public final class OxoInstaller {

    static final String DOMAIN = "openrainbow.com";

    /** The OMC screen of one simulated OXO: in process, or the simulator's control API over HTTP. */
    @FunctionalInterface
    public interface OmcScreen {
        void enter(String serial, OxoRainbowSettings settings);
    }

    private final KubernetesClient client;
    private final OmcScreen omc;

    public OxoInstaller(KubernetesClient client, OmcScreen omc) {
        this.client = client;
        this.omc = omc;
    }

    /** The build-to-order OXOs of every namespace whose activation data is ready and which are not Running yet. */
    public List<Pbx> waiting() {
        return client.resources(Pbx.class).inAnyNamespace().list().getItems().stream()
                .filter(SimulatedPbxs::isBuildToOrderOxo)
                .filter(pbx -> pbx.getStatus() != null && pbx.getStatus().getEquipmentId() != null)
                .filter(pbx -> pbx.getStatus().getConnection() == null
                        || !"Running".equals(pbx.getStatus().getConnection().name()))
                .toList();
    }

    /**
     * Performs the OMC step for one Pbx; answers a line for people (never the code).
     *
     * @throws IllegalStateException when the Pbx is not a build-to-order OXO or its activation Secret is not ready
     */
    public String install(String namespace, String name) {
        Pbx pbx = client.resources(Pbx.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (pbx == null) {
            throw new IllegalStateException("there is no Pbx " + namespace + "/" + name);
        }
        if (!SimulatedPbxs.isBuildToOrderOxo(pbx)) {
            throw new IllegalStateException(
                    "Pbx " + name + " is not a build-to-order OXO Connect: the operator (or the fleet) "
                            + "activates it, no installer step is needed");
        }
        String secretName = secretName(pbx);
        Secret secret =
                client.secrets().inNamespace(namespace).withName(secretName).get();
        Map<String, String> values = SecretValues.of(secret);
        String equipmentId = values.get("equipmentId");
        String code = values.get("activationCode");
        if (equipmentId == null || code == null) {
            throw new IllegalStateException(
                    "Secret " + secretName + " does not hold the equipment ID and activation code yet: "
                            + "wait until the Pbx is declared in the cloud (Pending, AwaitingActivation)");
        }
        omc.enter(SimulatedPbxs.oxoSerial(pbx), new OxoRainbowSettings(true, equipmentId, code, DOMAIN));
        return "installer: entered the equipment ID and activation code of Secret " + secretName + " in the OMC of "
                + name + " (Cloud > Rainbow); it connects now";
    }

    static String secretName(Pbx pbx) {
        if (pbx.getStatus() != null && pbx.getStatus().getActivationSecretName() != null) {
            return pbx.getStatus().getActivationSecretName();
        }
        if (pbx.getSpec().getActivation() != null
                && pbx.getSpec().getActivation().getSecretName() != null) {
            return pbx.getSpec().getActivation().getSecretName();
        }
        return pbx.getMetadata().getName() + "-activation";
    }
}
