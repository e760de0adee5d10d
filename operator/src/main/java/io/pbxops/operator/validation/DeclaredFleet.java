package io.pbxops.operator.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.crd.PbxOpsKinds;
import io.pbxops.operator.manifest.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects a set of manifests declares, typed: the five kinds, and the Secrets among them (whose values only
 * {@code plan --pbx-endpoints} reads, to log in to a PBX). Namespaces as written ("" = the one they are applied to).
 */
public final class DeclaredFleet implements FleetView {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final List<Company> companies = new ArrayList<>();
    private final List<Pbx> pbxs = new ArrayList<>();
    private final List<PbxShare> shares = new ArrayList<>();
    private final List<WebRtcGateway> gateways = new ArrayList<>();
    private final List<NumberingPlan> plans = new ArrayList<>();
    private final Map<String, JsonNode> secrets = new HashMap<>();

    /** The typed objects of manifests that passed validation (a shape the schema refuses cannot reach here). */
    public static DeclaredFleet of(List<Manifest> manifests) {
        DeclaredFleet fleet = new DeclaredFleet();
        for (Manifest manifest : manifests) {
            if ("v1".equals(manifest.apiVersion()) && "Secret".equals(manifest.kind())) {
                fleet.secrets.put(key(manifest.namespace(), manifest.name()), manifest.object());
                continue;
            }
            Optional<PbxOpsKinds> kind = PbxOpsKinds.byKind(manifest.kind());
            if (kind.isPresent()) {
                fleet.add(toTyped(manifest.object(), kind.get().type()));
            }
        }
        return fleet;
    }

    /** The typed objects given (export builds them directly). */
    public static DeclaredFleet of(Collection<? extends HasMetadata> objects) {
        DeclaredFleet fleet = new DeclaredFleet();
        objects.forEach(fleet::add);
        return fleet;
    }

    private static CustomResource<?, ?> toTyped(JsonNode object, Class<? extends CustomResource<?, ?>> type) {
        try {
            return LENIENT.treeToValue(object, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "cannot read " + object.path("kind").asText() + " "
                            + object.path("metadata").path("name").asText() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Adds one typed object; other kinds are ignored. */
    void add(HasMetadata resource) {
        if (resource instanceof Company company) {
            companies.add(company);
        } else if (resource instanceof Pbx pbx) {
            pbxs.add(pbx);
        } else if (resource instanceof PbxShare share) {
            shares.add(share);
        } else if (resource instanceof WebRtcGateway gateway) {
            gateways.add(gateway);
        } else if (resource instanceof NumberingPlan plan) {
            plans.add(plan);
        }
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    @Override
    public List<Company> companies() {
        return companies;
    }

    @Override
    public List<Pbx> pbxs() {
        return pbxs;
    }

    @Override
    public List<PbxShare> shares() {
        return shares;
    }

    @Override
    public List<WebRtcGateway> gateways() {
        return gateways;
    }

    @Override
    public List<NumberingPlan> numberingPlans() {
        return plans;
    }

    /** Every declared object of the five kinds, in dependency order. */
    public List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>(companies);
        all.addAll(plans);
        all.addAll(pbxs);
        all.addAll(shares);
        all.addAll(gateways);
        return all;
    }

    /** The decoded values of a Secret declared among the manifests ({@code stringData} over {@code data}). */
    public Optional<Map<String, String>> secretValues(String namespace, String name) {
        JsonNode secret = secrets.get(key(namespace, name));
        if (secret == null) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        secret.path("data")
                .properties()
                .forEach(e -> values.put(
                        e.getKey(),
                        new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
        secret.path("stringData")
                .properties()
                .forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return Optional.of(values);
    }
}
