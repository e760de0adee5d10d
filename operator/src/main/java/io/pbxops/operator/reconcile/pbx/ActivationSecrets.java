package io.pbxops.operator.reconcile.pbx;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.pbxops.operator.api.Labels;
import io.pbxops.operator.api.Pbx;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Secret, owned by its Pbx, that holds the equipment ID and the activation code (keys {@code equipmentId},
 * {@code activationCode}). The code is shown by the cloud only while the PBX is Pending, so this Secret is where an
 * installer (or the operator, after a restart) finds it.
 */
final class ActivationSecrets {

    static final String EQUIPMENT_ID = "equipmentId";
    static final String ACTIVATION_CODE = "activationCode";

    private final KubernetesClient client;

    ActivationSecrets(KubernetesClient client) {
        this.client = client;
    }

    static String name(Pbx pbx) {
        return pbx.activationSecretName();
    }

    /** The values the Secret holds, if it exists. */
    Optional<Map<String, String>> read(Pbx pbx) {
        Secret secret = client.secrets()
                .inNamespace(pbx.getMetadata().getNamespace())
                .withName(name(pbx))
                .get();
        return Optional.ofNullable(secret).map(ActivationSecrets::decode);
    }

    /** Writes the Secret when it lacks these values; answers whether it changed. A null code keeps the one stored. */
    boolean write(Pbx pbx, String equipmentId, String activationCode) {
        Map<String, String> current = read(pbx).orElse(Map.of());
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(EQUIPMENT_ID, equipmentId);
        String code = activationCode != null ? activationCode : current.get(ACTIVATION_CODE);
        if (code != null) {
            wanted.put(ACTIVATION_CODE, code);
        }
        if (wanted.equals(current)) {
            return false;
        }
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name(pbx))
                .withNamespace(pbx.getMetadata().getNamespace())
                .addToLabels("app.kubernetes.io/managed-by", "pbx-operator")
                .addToLabels("pbxops.io/pbx", pbx.getMetadata().getName())
                .addToLabels(Labels.SECRET, Labels.SECRET_ACTIVATION)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(pbx.getApiVersion())
                        .withKind(pbx.getKind())
                        .withName(pbx.getMetadata().getName())
                        .withUid(pbx.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withType("Opaque")
                .withStringData(wanted)
                .build();
        client.resource(secret).createOr(NonDeletingOperation::update);
        return true;
    }

    void delete(Pbx pbx) {
        client.secrets()
                .inNamespace(pbx.getMetadata().getNamespace())
                .withName(name(pbx))
                .delete();
    }

    static Map<String, String> decode(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        Objects.requireNonNullElse(secret.getData(), Map.<String, String>of())
                .forEach((key, value) ->
                        values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        Objects.requireNonNullElse(secret.getStringData(), Map.<String, String>of())
                .forEach(values::put);
        return values;
    }
}
