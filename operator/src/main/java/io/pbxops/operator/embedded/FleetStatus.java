package io.pbxops.operator.embedded;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.GatewayState;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.api.PbxStatus;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.crd.PbxOpsKinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the fleet's objects from the API server into the rows of the live view. */
public final class FleetStatus {

    /** The keys of an activation Secret the operator writes; their values never reach the screen. */
    private static final List<String> SECRET_KEYS = List.of("activationCode", "equipmentId");

    static final String MASK = "********";

    private final KubernetesClient client;

    public FleetStatus(KubernetesClient client) {
        this.client = client;
    }

    public FleetSnapshot snapshot() {
        Set<String> secrets = activationValues();
        List<FleetRow> rows = new ArrayList<>();
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            List<? extends CustomResource<?, ?>> items =
                    client.resources(kind.type()).inAnyNamespace().list().getItems();
            items.stream()
                    .sorted(Comparator.comparing(
                                    (CustomResource<?, ?> r) -> r.getMetadata().getNamespace())
                            .thenComparing(r -> r.getMetadata().getName()))
                    .forEach(resource -> rows.add(row(kind, resource, secrets)));
        }
        return new FleetSnapshot(rows);
    }

    private static FleetRow row(PbxOpsKinds kind, CustomResource<?, ?> resource, Set<String> secrets) {
        PbxOpsStatus status = (PbxOpsStatus) resource.getStatus();
        Optional<Condition> ready = status == null
                ? Optional.empty()
                : status.getConditions().stream()
                        .filter(c -> Conditions.READY.equals(c.getType()))
                        .findFirst();
        String connection = "-";
        FleetRow.Hold hold = FleetRow.Hold.NONE;
        String readyReason = ready.map(Condition::getReason).orElse("");
        if (resource instanceof Pbx pbx) {
            PbxStatus pbxStatus = pbx.getStatus();
            connection = pbxStatus == null || pbxStatus.getConnection() == null
                    ? ""
                    : pbxStatus.getConnection().name();
            if (SimulatedPbxs.isBuildToOrderOxo(pbx)
                    && pbxStatus != null
                    && pbxStatus.getEquipmentId() != null
                    && Conditions.Ready.AWAITING_ACTIVATION.equals(readyReason)) {
                hold = FleetRow.Hold.AWAITING_INSTALLER;
            }
        } else if (resource instanceof WebRtcGateway gateway
                && gateway.getSpec() != null
                && Boolean.TRUE.equals(gateway.getSpec().getMaintenance())
                && gateway.getStatus() != null
                && gateway.getStatus().getState() == GatewayState.Maintenance
                && synced(status)) {
            hold = FleetRow.Hold.MAINTENANCE;
        }
        if (Conditions.Ready.UNSUPPORTED_BY_CLOUD.equals(readyReason) && synced(status)) {
            hold = FleetRow.Hold.UNSUPPORTED;
        }
        Long generation = resource.getMetadata().getGeneration();
        boolean settled = resource.getMetadata().getDeletionTimestamp() == null
                && status != null
                && (generation == null || Objects.equals(generation, status.getObservedGeneration()));
        return new FleetRow(
                kind.kind(),
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName(),
                connection,
                ready.map(Condition::getStatus).orElse("Unknown"),
                readyReason,
                masked(ready.map(Condition::getMessage).orElse(""), secrets),
                hold,
                settled);
    }

    private static boolean synced(PbxOpsStatus status) {
        return status.getConditions().stream()
                .anyMatch(c -> Conditions.SYNCED.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Every equipment ID and activation code held in the operator's activation Secrets. */
    private Set<String> activationValues() {
        Set<String> values =
                new TreeSet<>(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (Secret secret : client.secrets()
                .inAnyNamespace()
                .withLabel("pbxops.io/pbx")
                .list()
                .getItems()) {
            SecretValues.of(secret).forEach((key, value) -> {
                if (SECRET_KEYS.contains(key) && value.length() >= 4) {
                    values.add(value);
                }
            });
        }
        return values;
    }

    static String masked(String message, Set<String> secrets) {
        String result = message;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
